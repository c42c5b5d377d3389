using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

/// <summary>A broken Then is reported with the action's index, the field, and how to fix it.</summary>
public sealed class ActionValidationTests
{
    private const string AllTypes = "message, invite, coupon, tag, coins, contribute, handoff, alert";

    [Theory]
    [InlineData(null, "Then is empty: list the actions as a JSON array")]
    [InlineData("[{\"type\": \"tag\"", "Then is not valid JSON at line 1, character 16: ")]
    [InlineData("""{"type": "message", "text": "hi"}""", "Then must be a JSON array of actions, but it is an object: wrap the action(s) in [ ]")]
    [InlineData("[]", "Then has no actions: add at least one")]
    [InlineData("""["message"]""", "Then[0] is a string, not an action: write each action as an object")]
    [InlineData("""[{"text": "hi"}]""", "Then[0] has no \"type\": set it to one of " + AllTypes)]
    [InlineData("""[{"type": "tag"}, {"type": "sms", "text": "hi"}]""", "Then[1].type \"sms\" is not an action type: use one of " + AllTypes)]
    [InlineData("""[{"type": 3}]""", "Then[0].type must be a string, but it is a number")]
    [InlineData("""[{"type": "message"}]""", "Then[0] is a message with neither \"template\" nor \"text\"")]
    [InlineData("""[{"type": "tag", "delay": "10 minutes"}]""", "Then[0].delay \"10 minutes\" is not an ISO-8601 duration: write it like PT10M")]
    [InlineData("""[{"type": "tag", "delay": 600}]""", "Then[0].delay must be an ISO-8601 duration string such as \"PT10M\", but it is a number")]
    [InlineData("""[{"type": "tag", "delay": "-PT5M"}]""", "Then[0].delay \"-PT5M\" is negative")]
    [InlineData("""[{"type": "tag", "slack": 1.5}]""", "Then[0].slack 1.5 is outside 0..1")]
    [InlineData("""[{"type": "tag", "slack": -0.1}]""", "Then[0].slack -0.1 is outside 0..1")]
    [InlineData("""[{"type": "tag", "slack": "0.2"}]""", "Then[0].slack must be a number from 0 to 1 (a fraction of the delay), but it is a string")]
    [InlineData("""[{"type": "tag", "channel": 5}]""", "Then[0].channel must be a string, but it is a number")]
    public void A_broken_action_list_is_reported_precisely(string? then, string expected)
    {
        var problem = Assert.Single(RuleProblems.Of(TestSignals.Rule("r") with { Then = then }));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_channel_is_a_problem_when_channels_are_known()
    {
        var problem = Assert.Single(RuleProblems.Of(
            TestSignals.Rule("r", then: """[{"type": "message", "text": "hi", "channel": "weibo"}]"""),
            name => name == "wechat-main"));

        Assert.StartsWith("Then[0].channel \"weibo\" is not a configured channel", problem, StringComparison.Ordinal);
        Assert.Contains("leave channel out", problem, StringComparison.Ordinal);
    }
}
