using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Rules;

/// <summary>An action's optional "uses": what it relies on that a platform may forbid.</summary>
public sealed class ActionUsesTests
{
    [Fact]
    public void Uses_are_read_in_order_without_duplicates()
    {
        var rule = TestSignals.Compile(TestSignals.Rule(
            "r", then: """[{"type": "invite", "uses": ["digital-human-livestream", "outbound-call", "outbound-call"]}]"""));

        Assert.Equal(["digital-human-livestream", "outbound-call"], Assert.Single(rule.Actions).Uses);
    }

    [Fact]
    public void Without_uses_an_action_uses_nothing()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("r", then: """[{"type": "tag", "text": "vip", "uses": null}]"""));

        Assert.Empty(Assert.Single(rule.Actions).Uses);
    }

    [Theory]
    [InlineData("""[{"type": "tag", "uses": "outbound-call"}]""", "Then[0].uses must be an array of strings such as [\"outbound-call\"], but it is a string")]
    [InlineData("""[{"type": "tag", "uses": ["outbound-call", 3]}]""", "Then[0].uses[1] must be a string, but it is a number")]
    [InlineData("""[{"type": "tag", "uses": ["sms"]}]""", "Then[0].uses[0] \"sms\" is not a known use: use one of outbound-call, digital-human-livestream, or leave uses out")]
    public void A_bad_uses_field_is_reported_precisely(string then, string expected)
    {
        Assert.Equal(expected, Assert.Single(RuleProblems.Of(TestSignals.Rule("r") with { Then = then })));
    }

    [Fact]
    public void Actions_with_the_same_uses_are_equal()
    {
        var a = new RuleAction("invite", null, null, null, TimeSpan.Zero, 0.1) { Uses = ["outbound-call"] };
        var b = new RuleAction("invite", null, null, null, TimeSpan.Zero, 0.1) { Uses = new List<string> { "outbound-call" } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Uses = [] });
    }
}
