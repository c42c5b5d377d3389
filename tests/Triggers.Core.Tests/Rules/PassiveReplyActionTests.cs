using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

public sealed class PassiveReplyActionTests
{
    [Fact]
    public void A_message_without_delay_may_ask_for_a_passive_reply()
    {
        var set = RuleSet.Compile([TestSignals.Rule("r", then: """[{"type": "message", "text": "您好", "reply": "passive"}]""")]);

        var action = Assert.Single(Assert.Single(set.Rules).Actions);
        Assert.True(action.PassiveReply);
        Assert.Equal(TimeSpan.Zero, action.Delay);
    }

    [Fact]
    public void Actions_do_not_reply_passively_unless_asked()
    {
        var set = RuleSet.Compile([TestSignals.Rule("r", then: """[{"type": "message", "text": "您好"}]""")]);

        Assert.False(Assert.Single(Assert.Single(set.Rules).Actions).PassiveReply);
    }

    [Theory]
    [InlineData("""[{"type": "message", "text": "hi", "reply": "active"}]""", "Then[0].reply \"active\" is not a reply mode")]
    [InlineData("""[{"type": "message", "text": "hi", "reply": "passive", "delay": "PT1M"}]""", "Then[0].reply \"passive\" answers inside the webhook response")]
    [InlineData("""[{"type": "coupon", "text": "hi", "reply": "passive"}]""", "Then[0].reply \"passive\" answers inside the webhook response")]
    public void A_passive_reply_that_cannot_be_one_is_a_problem(string then, string expected)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r", then: then)));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }
}
