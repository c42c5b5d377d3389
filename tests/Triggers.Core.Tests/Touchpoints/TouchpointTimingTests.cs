using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

/// <summary>Due times: signal time + delay + slack seeded by the touchpoint id; no slack without a delay.</summary>
public sealed class TouchpointTimingTests
{
    [Fact]
    public void Ten_percent_slack_on_an_hour_lands_between_one_hour_and_one_hour_six_minutes()
    {
        var offsets = Enumerable.Range(0, 200)
            .Select(i => TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message($"sig-{i}"), TestSignals.Angry(), PlannerFixtures.Now)[0])
            .Select(t => t.DueAt - TestSignals.OccurredAt)
            .ToList();

        Assert.All(offsets, offset => Assert.InRange(offset, TimeSpan.FromHours(1), TimeSpan.FromMinutes(66)));

        // Uniform over six minutes: 200 draws all above 1h01m (or all below 1h05m) has probability (5/6)^200.
        Assert.True(offsets.Min() < TimeSpan.FromMinutes(61));
        Assert.True(offsets.Max() > TimeSpan.FromMinutes(65));
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
    }

    [Fact]
    public void Slack_is_the_same_every_time_the_same_signal_is_planned()
    {
        var signal = TestSignals.Message();

        var first = TouchpointPlanner.Plan(PlannerFixtures.Rule, signal, TestSignals.Angry(), PlannerFixtures.Now);
        var again = TouchpointPlanner.Plan(PlannerFixtures.Rule, signal, TestSignals.Angry(), PlannerFixtures.Now.AddHours(3));

        Assert.Equal(first[0].DueAt, again[0].DueAt);
        Assert.Equal(first[2].DueAt, again[2].DueAt);
    }

    [Fact]
    public void Touchpoints_with_the_same_delay_get_different_slack()
    {
        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now);

        Assert.NotEqual(touchpoints[0].DueAt, touchpoints[2].DueAt);
    }

    [Fact]
    public void Without_a_delay_the_touchpoint_is_due_now_without_slack()
    {
        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now);

        Assert.Equal(PlannerFixtures.Now, touchpoints[1].DueAt);
    }

    [Fact]
    public void Without_a_delay_a_signal_stamped_in_the_future_is_due_at_its_own_time()
    {
        var early = TestSignals.OccurredAt.AddSeconds(-30);

        var touchpoints = TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message(), TestSignals.Angry(), early);

        Assert.Equal(TestSignals.OccurredAt, touchpoints[1].DueAt);
    }

    [Fact]
    public void Zero_slack_makes_the_due_time_exactly_signal_time_plus_delay()
    {
        var rule = TestSignals.Compile(TestSignals.Rule("r", then: """[{"type": "invite", "delay": "PT45M", "slack": 0}]"""));

        var touchpoint = Assert.Single(TouchpointPlanner.Plan(rule, TestSignals.Message(), TestSignals.Angry(), PlannerFixtures.Now));

        Assert.Equal(TestSignals.OccurredAt.AddMinutes(45), touchpoint.DueAt);
    }
}
