using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class ConditionDataTests
{
    [Fact]
    public void The_data_holds_the_signal_sentiment_topics_and_contact()
    {
        var signal = TestSignals.Message() with { Attributes = new Dictionary<string, string> { ["toUser"] = "gh_123" } };

        var data = ConditionData.Build(signal, TestSignals.Angry("refund", "delivery"), contact: null, quadrant: "service");

        // 10:04:05 at +08:00 is 02:04:05 UTC.
        JsonAssert.Equal(
            """
            {
              "signal": {
                "id": "sig-1", "kind": "message", "type": "text", "platform": "wechat", "channel": "wechat-main",
                "tenant": "default", "text": "我要退款", "occurredAt": "2026-11-03T02:04:05.0000000Z",
                "actor": {"id": "o-actor-1", "name": "Ann"}, "attributes": {"toUser": "gh_123"}, "quadrant": "service"
              },
              "sentiment": {"label": "negative", "positive": 0.05, "neutral": 0.15, "negative": 0.8},
              "topics": ["refund", "delivery"],
              "contact": {"id": "o-actor-1"}
            }
            """,
            data);
    }

    [Fact]
    public void A_given_contact_is_copied_and_gets_the_actor_id_when_it_has_none()
    {
        var contact = new JsonObject { ["tier"] = "gold", ["orders"] = 3 };

        var data = ConditionData.Build(TestSignals.Message(), TestSignals.Angry(), contact);

        JsonAssert.Equal("""{"tier": "gold", "orders": 3, "id": "o-actor-1"}""", data["contact"]);
        Assert.False(contact.ContainsKey("id"));
    }

    [Fact]
    public void A_given_contact_id_is_kept()
    {
        var data = ConditionData.Build(TestSignals.Message(), TestSignals.Angry(), new JsonObject { ["id"] = "unionid-9" });

        JsonAssert.Equal("\"unionid-9\"", data["contact"]!["id"]);
    }

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.3, false)]
    public void A_typical_rule_condition_reads_the_built_data(double negative, bool expected)
    {
        var rule = TestSignals.Compile(TestSignals.Rule("refund-care", when: """
            {"and": [
              {"==": [{"var": "signal.kind"}, "message"]},
              {">=": [{"var": "sentiment.negative"}, 0.6]},
              {"in": ["refund", {"var": "topics"}]},
              {"!": {"missing": ["contact.id", "signal.actor.id"]}}
            ]}
            """));
        var analysis = new TextAnalysis("negative", new SentimentScores(0, 1 - negative, negative), ["refund"], "test");

        Assert.Equal(expected, rule.Matches(ConditionData.Build(TestSignals.Message(), analysis, contact: null)));
    }
}
