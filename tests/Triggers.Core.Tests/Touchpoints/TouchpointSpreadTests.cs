using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

/// <summary>A thousand touchpoints with the same delay spread over the whole slack window, reproducibly.</summary>
public sealed class TouchpointSpreadTests
{
    private static List<DateTimeOffset> PlanThousand() =>
        Enumerable.Range(0, 1000)
            .Select(i => TouchpointPlanner.Plan(PlannerFixtures.Rule, TestSignals.Message($"spread-{i}"), TestSignals.Angry(), null, PlannerFixtures.Now, "wechat")[0])
            .Select(t => t.DueAt)
            .ToList();

    [Fact]
    public void A_thousand_touchpoints_an_hour_out_with_ten_percent_slack_fall_between_one_hour_and_one_hour_six_minutes()
    {
        var offsets = PlanThousand().ConvertAll(due => due - TestSignals.OccurredAt);

        Assert.All(offsets, offset => Assert.InRange(offset, TimeSpan.FromHours(1), TimeSpan.FromMinutes(66)));
    }

    [Fact]
    public void A_thousand_touchpoints_fill_every_sixth_of_the_slack_window_evenly()
    {
        var minutes = PlanThousand().ConvertAll(due => (int)((due - TestSignals.OccurredAt - TimeSpan.FromHours(1)) / TimeSpan.FromMinutes(1)));

        // Uniform: about 167 per minute of the six; 10% to 25% leaves room for chance but not for a clumped generator.
        for (var sixth = 0; sixth < 6; sixth++)
        {
            Assert.InRange(minutes.Count(m => m == sixth), 100, 250);
        }
    }

    [Fact]
    public void Planning_the_same_thousand_signals_again_gives_the_same_times()
    {
        Assert.Equal(PlanThousand(), PlanThousand());
    }
}
