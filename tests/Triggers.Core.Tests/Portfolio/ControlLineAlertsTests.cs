using Triggers.Core.Portfolio;

namespace Triggers.Core.Tests.Portfolio;

public sealed class ControlLineAlertsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static ControlLineResult Result(params CrossedLine[] crossed) => new(
        "brand", Now, "P30D",
        new Dictionary<string, Concentration> { ["douyin"] = new(0.6, 0.9), ["wechat"] = new(0.3, 0.1), ["bilibili"] = new(0.1, 0) },
        new Dictionary<string, double?> { ["douyin"] = 3.2, ["wechat"] = 0.4 },
        new Dictionary<string, double?> { ["coupon"] = 4.1, ["invite"] = 0.4 },
        new InnovationShare(0.05),
        crossed);

    private static readonly CrossedLine Douyin = new("concentration", "douyin", 0.6, 0.4);

    [Fact]
    public void A_line_alerts_once_when_crossed_stays_quiet_while_crossed_and_alerts_again_after_falling_back()
    {
        var (first, remembered) = ControlLineAlerts.Judge(new HashSet<string>(), Result(Douyin));
        var (staying, still) = ControlLineAlerts.Judge(remembered, Result(Douyin));
        var (fallen, cleared) = ControlLineAlerts.Judge(still, Result());
        var (again, _) = ControlLineAlerts.Judge(cleared, Result(Douyin));

        Assert.Equal([Douyin], first);
        Assert.Empty(staying);
        Assert.Empty(fallen);
        Assert.Empty(cleared);
        Assert.Equal([Douyin], again);
    }

    [Fact]
    public void Each_alert_names_what_to_do()
    {
        var concentration = ControlLineAlerts.Advice(Douyin, Result(Douyin), TenantPortfolio.Default);
        var roi = ControlLineAlerts.Advice(new CrossedLine("roi", "wechat", 0.4, 1.5), Result(), TenantPortfolio.Default);
        var innovation = ControlLineAlerts.Advice(new CrossedLine("innovation", null, 0.05, 0.2), Result(), TenantPortfolio.Default);

        Assert.Equal("douyin carries 60 % of signals, over the 40 % warning line: plan to spread it to bilibili (10 %), wechat (30 %)", concentration);
        Assert.Equal("ROI on wechat is 0.4, under the 1.5 profit line: move resources to the scenes with the best ROI: coupon (4.1), invite (0.4)", roi);
        Assert.StartsWith("new platforms took 5 % of touch cost, under the 20 % innovation line: mark the platforms being tried IsNew", innovation, StringComparison.Ordinal);
    }
}
