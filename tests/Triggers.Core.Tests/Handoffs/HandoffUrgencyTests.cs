using Triggers.Core.Handoffs;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Handoffs;

/// <summary>Urgency = 0.5 × negative + 0.3 × order value (log scale) + 0.2 × waiting (12 h for full weight).</summary>
public sealed class HandoffUrgencyTests
{
    [Fact]
    public void The_score_follows_the_documented_formula()
    {
        var score = HandoffUrgency.Score(0.8, 999, TimeSpan.FromHours(3));

        Assert.Equal((0.5 * 0.8) + (0.3 * 0.5) + (0.2 * 0.25), score, 10);
    }

    [Fact]
    public void Each_term_is_capped_so_the_score_stays_within_zero_and_one()
    {
        Assert.Equal(1, HandoffUrgency.Score(1.5, 1e12, TimeSpan.FromDays(3)), 10);
        Assert.Equal(0, HandoffUrgency.Score(-1, -5, TimeSpan.FromHours(-1)), 10);
        Assert.Equal(0, HandoffUrgency.Score(double.NaN, null, TimeSpan.Zero), 10);
    }

    [Fact]
    public void An_angry_customer_outranks_a_calm_one_with_a_big_order()
    {
        Assert.True(HandoffUrgency.Score(0.9, null, TimeSpan.Zero) > HandoffUrgency.Score(0.1, 50_000, TimeSpan.Zero));
    }

    [Fact]
    public void The_order_amount_is_the_largest_readable_amount_attribute()
    {
        var signals = new[]
        {
            TestSignals.Message("a") with { Attributes = new Dictionary<string, string> { ["amount"] = "99.00" } },
            TestSignals.Message("b") with { Attributes = new Dictionary<string, string> { ["amount"] = "12900" } },
            TestSignals.Message("c") with { Attributes = new Dictionary<string, string> { ["amount"] = "lots" } },
            TestSignals.Message("d"),
        };

        Assert.Equal(12900, HandoffUrgency.OrderAmount(signals));
        Assert.Null(HandoffUrgency.OrderAmount([TestSignals.Message()]));
    }
}
