using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Tests.Guardrails;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Rules;

public sealed class RuleRetirementTests
{
    private static readonly Touchpoint Planned = GuardrailFixtures.Touchpoint(GuardrailFixtures.At(3, 12)) with { RuleId = "care" };

    private static RuleSourceSnapshot Loaded(bool? enabled, bool broken = false) => new(
        enabled is { } on ? [new RuleDefinition("default", "care", on, 1, "true", """[{"type":"alert","text":"x"}]""", null, null, "2")] : [],
        broken ? [new RuleProblem("default", "care", "When is not JSON")] : []);

    [Fact]
    public void A_planned_touchpoint_of_an_enabled_rule_stays_even_after_the_rule_was_edited()
    {
        Assert.Null(RuleRetirement.ReasonToCancel(Planned, Loaded(enabled: true)));
    }

    [Fact]
    public void A_planned_touchpoint_of_a_disabled_rule_is_cancelled_as_rule_disabled()
    {
        Assert.Equal("rule disabled", RuleRetirement.ReasonToCancel(Planned, Loaded(enabled: false)));
    }

    [Fact]
    public void A_planned_touchpoint_of_a_deleted_rule_is_cancelled_as_rule_deleted()
    {
        Assert.Equal("rule deleted", RuleRetirement.ReasonToCancel(Planned, Loaded(enabled: null)));
    }

    [Fact]
    public void A_rule_broken_by_an_edit_still_stands_so_its_planned_touchpoints_wait_for_the_fix()
    {
        Assert.Null(RuleRetirement.ReasonToCancel(Planned, Loaded(enabled: null, broken: true)));
    }

    [Fact]
    public void Only_planned_touchpoints_are_cancelled_a_sent_one_is_history()
    {
        Assert.Null(RuleRetirement.ReasonToCancel(Planned with { Status = TouchpointStatus.Sent }, Loaded(enabled: false)));
    }

    [Fact]
    public void Planned_touchpoints_need_a_look_on_the_first_load_and_whenever_a_standing_rule_is_gone()
    {
        var both = RuleRetirement.Standing(new RuleSourceSnapshot(
            [new RuleDefinition("default", "a", true, 1, "true", "[]", null, null, "1"), new RuleDefinition("default", "b", true, 1, "true", "[]", null, null, "1")], []));
        var onlyA = RuleRetirement.Standing(new RuleSourceSnapshot([new RuleDefinition("default", "a", true, 1, "true", "[]", null, null, "1")], []));

        Assert.True(RuleRetirement.AnyGone(null, both));
        Assert.False(RuleRetirement.AnyGone(onlyA, both));
        Assert.True(RuleRetirement.AnyGone(both, onlyA));
    }
}
