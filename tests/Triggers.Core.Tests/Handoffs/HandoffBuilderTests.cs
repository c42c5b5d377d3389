using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Handoffs;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Handoffs;

/// <summary>A hand-off carries what the person picking it up needs, and a first reply.</summary>
public sealed class HandoffBuilderTests
{
    private static readonly DateTimeOffset T0 = TestSignals.OccurredAt;

    private static readonly Touchpoint HandoffTouch = new()
    {
        Id = "0c39b9f1c779ceb44ba4f446fc7770e6",
        Tenant = "default",
        RuleId = "angry-escalation",
        RuleVersion = "2",
        SignalId = "s3",
        ActionIndex = 0,
        Type = "handoff",
        Channel = "wechat-main",
        Contact = "o-actor-1",
        Status = TouchpointStatus.Sending,
        DueAt = T0.AddMinutes(10),
        PlannedAt = T0.AddMinutes(10),
        Why = "Rule \"angry-escalation\" (version 2) matched a message signal with negative sentiment and topics service; handoff right away.",
    };

    private static ProcessedSignal Said(string id, int minutes, string text, double negative, params string[] topics)
    {
        var label = negative > 0.6 ? "negative" : negative < 0.2 ? "positive" : "neutral";
        var rest = 1 - negative;
        var analysis = new TextAnalysis(label, new SentimentScores(rest / 2, rest / 2, negative), topics, "test");
        return new ProcessedSignal(TestSignals.Message(id, text) with { OccurredAt = T0.AddMinutes(minutes) }, analysis, T0.AddMinutes(minutes));
    }

    private static readonly IReadOnlyList<ProcessedSignal> Conversation =
    [
        Said("s3", 10, "客服一直不回，态度太差了！", 0.9, "service"),
        Said("s1", 0, "你好，请问我的车什么时候交付", 0.1, "delivery"),
        Said("s2", 5, "客服怎么还没回复", 0.55, "service"),
        Said("x9", 7, "别人的消息", 0.99) with { Signal = TestSignals.Message("x9") with { Actor = new SignalActor("someone-else") } },
    ];

    private static JsonNode Context(Handoff handoff) => JsonNode.Parse(handoff.ContextJson)!;

    [Fact]
    public void The_hand_off_takes_the_touchpoints_identity_and_opens()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddMinutes(12));

        Assert.Equal((HandoffTouch.Id, "default", "wechat-main", "o-actor-1", "angry-escalation"), (handoff.Id, handoff.Tenant, handoff.Channel, handoff.Contact, handoff.RuleId));
        Assert.Equal((HandoffStatus.Open, T0.AddMinutes(12), HandoffTouch.Why), (handoff.Status, handoff.CreatedAt, handoff.Why));
    }

    [Fact]
    public void The_context_lists_the_contacts_last_signals_oldest_first_with_sentiment_and_topics()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddMinutes(12));
        var context = Context(handoff);

        Assert.Equal(HandoffTouch.Why, (string?)context["why"]);
        var signals = context["lastSignals"]!.AsArray();
        Assert.Equal(["s1", "s2", "s3"], signals.Select(s => (string?)s!["id"]));
        var last = signals[2]!;
        Assert.Equal(("message", "客服一直不回，态度太差了！", "negative", 0.9), ((string?)last["kind"], (string?)last["text"], (string?)last["sentiment"], (double?)last["negative"]));
        Assert.Equal(["service"], last["topics"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(T0.AddMinutes(10), DateTimeOffset.Parse((string)last["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Stored readable, not as \u escapes.
        Assert.Contains("客服一直不回", handoff.ContextJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trend_says_whether_negative_sentiment_is_rising()
    {
        Assert.Equal("rising", (string?)Context(HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddMinutes(12)))["trend"]);
        Assert.Equal("falling", HandoffTrend.Of([0.9, 0.7, 0.2]));
        Assert.Equal("steady", HandoffTrend.Of([0.5, 0.6]));
        Assert.Equal("steady", HandoffTrend.Of([0.9]));
    }

    [Fact]
    public void The_context_holds_the_emotion_per_topic()
    {
        var emotion = new EmotionSnapshot(
            new Dictionary<string, TopicEmotion>(StringComparer.Ordinal) { ["service"] = new("service", 0.9, 0.3, Peak: true, Valence: -0.85) },
            null);

        var entry = Context(HandoffBuilder.Build(HandoffTouch, Conversation, emotion, T0.AddMinutes(12)))["emotion"]!.AsArray().Single()!;

        Assert.Equal(("service", 0.9, 0.3, true, -0.85), ((string?)entry["topic"], (double?)entry["intensity"], (double?)entry["baseline"], (bool?)entry["peak"], (double?)entry["valence"]));
    }

    [Fact]
    public void Urgency_uses_the_strongest_negative_and_how_long_the_contact_has_waited()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddHours(3));

        // The contact has waited since their first message (T0): 3 h of 12.
        Assert.Equal(HandoffUrgency.Score(0.9, null, TimeSpan.FromHours(3)), handoff.Urgency, 10);
    }

    [Fact]
    public void Waiting_counts_from_the_contacts_first_message_after_our_side_last_wrote()
    {
        var agent = Said("a1", 6, "您好，我们在处理", 0.1) with { Signal = TestSignals.Message("a1") with { Kind = SignalKinds.AgentMessage, OccurredAt = T0.AddMinutes(6) } };

        var handoff = HandoffBuilder.Build(HandoffTouch, [.. Conversation, agent], null, T0.AddMinutes(70));

        Assert.Equal(HandoffUrgency.Score(0.9, null, TimeSpan.FromMinutes(60)), handoff.Urgency, 10);
    }

    [Fact]
    public void An_angry_service_complaint_gets_an_apology_and_a_callback_offer_in_Chinese()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddMinutes(12));

        Assert.Contains("抱歉", handoff.SuggestedReply, StringComparison.Ordinal);
        Assert.Contains("回电", handoff.SuggestedReply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peaking_topic_in_the_emotion_data_chooses_the_template()
    {
        var emotion = new EmotionSnapshot(
            new Dictionary<string, TopicEmotion>(StringComparer.Ordinal)
            {
                ["service"] = new("service", 0.5, 0.4, Peak: false, Valence: -0.5),
                ["delivery"] = new("delivery", 0.7, 0.2, Peak: true, Valence: -0.7),
            },
            null);

        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, emotion, T0.AddMinutes(12));

        Assert.Equal(TemplateReplySuggester.Default.Suggest(new ReplySituation("delivery", "negative", "rising", null)), handoff.SuggestedReply);
        Assert.Contains("物流", handoff.SuggestedReply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suggester_can_be_plugged_in()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, Conversation, null, T0.AddMinutes(12), new Echo());

        Assert.Equal("service/negative/rising: 客服一直不回，态度太差了！", handoff.SuggestedReply);
    }

    [Fact]
    public void Without_signals_the_hand_off_still_has_a_context_and_a_neutral_greeting()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch, [], null, T0.AddMinutes(12));

        var context = Context(handoff);
        Assert.Empty(context["lastSignals"]!.AsArray());
        Assert.Equal("steady", (string?)context["trend"]);
        Assert.Equal(TemplateReplySuggester.Default.Suggest(new ReplySituation(null, "neutral", "steady", null)), handoff.SuggestedReply);
    }

    [Fact]
    public void The_template_falls_back_from_topic_to_sentiment_to_neutral()
    {
        var templates = new TemplateReplySuggester(new Dictionary<string, string> { ["negative:price"] = "P", ["negative"] = "N", ["neutral"] = "0" });

        Assert.Equal("P", templates.Suggest(new ReplySituation("price", "negative", "steady", null)));
        Assert.Equal("N", templates.Suggest(new ReplySituation("design", "negative", "steady", null)));
        Assert.Equal("0", templates.Suggest(new ReplySituation("design", "positive", "steady", null)));
    }

    private sealed class Echo : IReplySuggester
    {
        public string Suggest(ReplySituation situation) => $"{situation.Topic}/{situation.Sentiment}/{situation.Trend}: {situation.LastText}";
    }

    [Fact]
    public void The_context_carries_what_the_rules_handoff_action_asks_of_the_person()
    {
        var handoff = HandoffBuilder.Build(HandoffTouch with { Text = "订单相关的负面反馈，请人工尽快跟进" }, Conversation, null, T0.AddMinutes(12));

        Assert.Equal("订单相关的负面反馈，请人工尽快跟进", (string?)Context(handoff)["note"]);
    }
}
