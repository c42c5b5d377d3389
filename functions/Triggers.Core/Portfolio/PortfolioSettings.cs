namespace Triggers.Core.Portfolio;

/// <summary>
/// A tenant's control lines (row <c>thresholds</c> of table Portfolio): the warning line on one platform's share of
/// traffic (<c>Concentration</c>), the profit line on ROI (<c>Roi</c>), the share of touch cost for new platforms
/// (<c>Innovation</c>), the rolling window they are computed over, how long after a touch an order counts as its
/// revenue, what a redeemed coin costs, and where alerts go besides the hand-off queue.
/// </summary>
public sealed record PortfolioSettings
{
    public static PortfolioSettings Default { get; } = new();

    public double ConcentrationLine { get; init; } = 0.40;

    public double RoiLine { get; init; } = 1.5;

    public double InnovationShare { get; init; } = 0.20;

    public TimeSpan Window { get; init; } = TimeSpan.FromDays(30);

    public TimeSpan AttributionWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How much deeper than another platform's running promotion a coupon may go before it is blocked (0.05 = 5 points).</summary>
    public double UndercutMargin { get; init; } = 0.05;

    /// <summary>Yuan one knowledge coin costs the brand when it is redeemed: redeemed coins count in ROI cost at this value.</summary>
    public decimal CoinValue { get; init; }

    /// <summary>The channel that also receives control-line alerts (a WeCom channel's group robot); null: the hand-off queue only.</summary>
    public string? AlertChannel { get; init; }
}

/// <summary>A platform's or channel's place in the portfolio (a row of table Portfolio).</summary>
/// <param name="Quadrant">Its role; null: the platform's usual one (<see cref="Quadrants.DefaultOf"/>).</param>
/// <param name="NewPlatform">Counts towards the innovation line (column <c>IsNew</c>).</param>
/// <param name="TouchCost">What one automated touch costs, in yuan.</param>
/// <param name="FeeRate">The platform's fee on revenue, 0 to 1.</param>
public sealed record PlatformRole(string? Quadrant, bool NewPlatform, double TouchCost, double FeeRate)
{
    public static PlatformRole None { get; } = new(null, false, 0, 0);
}
