using Triggers.Core.Portfolio;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Portfolio;

public sealed class JourneyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_step_is_added_only_when_the_person_moves_to_another_quadrant()
    {
        var tracker = new JourneyTracker(new MemoryJourneys());

        foreach (var (quadrant, day) in new[] { ("value", 0), ("value", 1), ("emotion", 2), ("emotion", 3), ("conversion", 4), ("service", 5), ("conversion", 6) })
        {
            await tracker.RecordAsync("t", "member:M1", quadrant, T0.AddDays(day), Ct);
        }

        var journey = await tracker.RecordAsync("t", "member:M1", "conversion", T0.AddDays(7), Ct);
        Assert.Equal(["value", "emotion", "conversion", "service", "conversion"], journey.Quadrants);
    }

    [Theory]
    [InlineData(new[] { "value", "emotion", "conversion", "service" }, 0, 4)]
    [InlineData(new[] { "emotion", "value", "conversion", "emotion" }, 0, 2)]
    [InlineData(new[] { "service", "conversion" }, 0, 0)]
    [InlineData(new[] { "value", "emotion", "conversion", "service" }, 2, 0)]
    public void The_funnel_depth_counts_the_quadrants_reached_in_order_within_the_window(string[] steps, int sinceDay, int depth)
    {
        var journey = new Journey("t", "p", [.. steps.Select((q, i) => new JourneyStep(q, T0.AddDays(i)))], null);

        Assert.Equal(depth, journey.FunnelDepth(T0.AddDays(sinceDay)));
    }
}
