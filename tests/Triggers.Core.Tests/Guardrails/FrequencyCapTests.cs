using Triggers.Core.Guardrails;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>Caps per contact and channel, with a share of each kept for people.</summary>
public sealed class FrequencyCapTests
{
    private static readonly DateTimeOffset Noon = At(3, 12, 0);

    private static GuardrailDecision WithCounts(int dayTotal, int dayAutomated, int weekTotal = 0, int weekAutomated = 0, string type = "message", GuardrailOptions? options = null) =>
        Evaluate(Touchpoint(Noon, type), Context(Noon) with
        {
            DayTotal = dayTotal,
            DayAutomated = dayAutomated,
            WeekTotal = Math.Max(weekTotal, dayTotal),
            WeekAutomated = Math.Max(weekAutomated, dayAutomated),
        }, options);

    [Theory]
    [InlineData(3, 0.1, 2)]
    [InlineData(10, 0.1, 9)]
    [InlineData(10, 0.2, 8)]
    [InlineData(100, 0.29, 71)]
    [InlineData(5, 0, 5)]
    [InlineData(1, 0.1, 0)]
    public void Automation_may_use_the_cap_less_the_share_kept_for_people_rounded_down(int cap, double share, int budget)
    {
        Assert.Equal(budget, FrequencyCap.AutomationBudget(cap, share));
    }

    [Fact]
    public void With_three_a_day_two_automated_touches_pass_and_the_third_is_blocked()
    {
        Assert.IsType<GuardrailDecision.Allow>(WithCounts(dayTotal: 0, dayAutomated: 0));
        Assert.IsType<GuardrailDecision.Allow>(WithCounts(dayTotal: 1, dayAutomated: 1));

        var block = Assert.IsType<GuardrailDecision.Block>(WithCounts(dayTotal: 2, dayAutomated: 2));

        Assert.Equal(GuardrailNames.FrequencyCap, block.Guardrail);
        Assert.Equal("automation already sent 2 of its 2 touch(es) a day to this contact (PerDay 3, 10% kept for people)", block.Detail);
    }

    [Fact]
    public void The_touch_kept_for_people_is_still_there_after_automation_used_its_share()
    {
        // Two automated touches today: a person's third still fits the cap of three.
        var context = Context(Noon) with { DayTotal = 2, DayAutomated = 2, WeekTotal = 2, WeekAutomated = 2 };

        Assert.True(context.DayTotal < new GuardrailOptions().PerDay);
        Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Noon), context));
    }

    [Fact]
    public void Touches_by_people_count_against_the_cap_too()
    {
        var block = Assert.IsType<GuardrailDecision.Block>(WithCounts(dayTotal: 3, dayAutomated: 1));

        Assert.Equal("the contact already had 3 touch(es) today, the daily cap (PerDay 3)", block.Detail);
    }

    [Fact]
    public void The_week_has_its_own_budget_of_nine_of_ten()
    {
        Assert.IsType<GuardrailDecision.Allow>(WithCounts(dayTotal: 0, dayAutomated: 0, weekTotal: 8, weekAutomated: 8));

        var block = Assert.IsType<GuardrailDecision.Block>(WithCounts(dayTotal: 0, dayAutomated: 0, weekTotal: 9, weekAutomated: 9));

        Assert.Equal(GuardrailNames.FrequencyCap, block.Guardrail);
        Assert.Contains("9 of its 9 touch(es) this week", block.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_that_already_hold_the_touch_being_judged_allow_exactly_the_budget()
    {
        var context = Context(Noon) with { DayTotal = 2, DayAutomated = 2, WeekTotal = 2, WeekAutomated = 2, CountsIncludeThisTouch = true };

        Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(Noon), context));
        Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(Noon), context with { DayTotal = 3, DayAutomated = 3 }));
    }

    [Fact]
    public void Actions_that_do_not_reach_the_contact_are_not_capped()
    {
        foreach (var type in new[] { "tag", "coins", "handoff", "alert" })
        {
            Assert.False(GuardrailEvaluator.CountsAgainstCaps(type));
            Assert.IsType<GuardrailDecision.Allow>(WithCounts(dayTotal: 9, dayAutomated: 9, type: type));
        }

        Assert.All(new[] { "message", "invite", "coupon" }, type => Assert.True(GuardrailEvaluator.CountsAgainstCaps(type)));
    }
}
