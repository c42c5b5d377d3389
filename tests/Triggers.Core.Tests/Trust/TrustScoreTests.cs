using Triggers.Core.Handoffs;
using Triggers.Core.Trust;

namespace Triggers.Core.Tests.Trust;

public sealed class TrustScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static TrustState State(string account, DateTimeOffset firstSeen, params (string Component, double Points)[] points) =>
        new("brand", account, points.ToDictionary(p => p.Component, p => p.Points, StringComparer.Ordinal), Now, firstSeen, "v");

    [Fact]
    public void Each_component_follows_its_documented_curve_and_the_score_is_their_weighted_mean()
    {
        // Scale 50: 50 community points reach 100 × (1 − e^−1) = 63.2; no sentiment points is neutral 50; half of
        // TenureDays known is 50; no transactions is 0. Weights .35/.35/.15/.15: (0 × .35 + 63.2 × .35 + 50 × .15 + 50 × .15) / 1 = 37.1.
        var view = TrustScore.Compute([State("wechat:o1", Now.AddDays(-182.5), (TrustComponents.Community, 50))], TrustSettings.Default, Now);

        Assert.Equal(0, view.Components[TrustComponents.Transactions].Score);
        Assert.Equal(63.2, view.Components[TrustComponents.Community].Score);
        Assert.Equal(50, view.Components[TrustComponents.Sentiment].Score);
        Assert.Equal(50, view.Components[TrustComponents.Tenure].Score);
        Assert.Equal(37.1, view.Score);
    }

    [Fact]
    public void Points_count_half_after_one_half_life_and_a_persons_accounts_add_up_with_the_oldest_tenure()
    {
        var old = State("wechat:o1", Now.AddDays(-400), (TrustComponents.Sentiment, -25)) with { UpdatedAt = Now.AddDays(-90) };
        var recent = State("douyin:d1", Now.AddDays(-3), (TrustComponents.Sentiment, -12.5));

        var view = TrustScore.Compute([old, recent], TrustSettings.Default, Now);

        // −25 halves to −12.5 after 90 days; with the other account's −12.5 that is −25: 50 + 50 × tanh(−0.5) = 26.9.
        Assert.Equal(-25, view.Components[TrustComponents.Sentiment].Points);
        Assert.Equal(26.9, view.Components[TrustComponents.Sentiment].Score);
        Assert.Equal(100, view.Components[TrustComponents.Tenure].Score);
    }

    [Fact]
    public void Trust_raises_hand_off_urgency_towards_one_and_never_lowers_it()
    {
        var plain = HandoffUrgency.Score(0.2, null, TimeSpan.Zero);

        Assert.Equal(plain, HandoffUrgency.Score(0.2, null, TimeSpan.Zero, trust: 0));
        Assert.Equal(plain + (0.2 * (1 - plain)), HandoffUrgency.Score(0.2, null, TimeSpan.Zero, trust: 100), 10);
        Assert.Equal(plain + (0.2 * 0.5 * (1 - plain)), HandoffUrgency.Score(0.2, null, TimeSpan.Zero, trust: 50), 10);
    }
}
