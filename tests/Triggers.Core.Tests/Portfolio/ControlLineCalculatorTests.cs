using Triggers.Core.Portfolio;
using Triggers.Core.StaffTables;

namespace Triggers.Core.Tests.Portfolio;

public sealed class ControlLineCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private static readonly TenantPortfolio Roles = PortfolioSet.Compile(
    [
        new StaffRow("brand", "douyin", new Dictionary<string, object?> { ["TouchCost"] = 1.0, ["FeeRate"] = 0.05 }),
        new StaffRow("brand", "wechat", new Dictionary<string, object?> { ["TouchCost"] = 0.5 }),
        new StaffRow("brand", "xiaohongshu", new Dictionary<string, object?> { ["TouchCost"] = 2.0, ["IsNew"] = true }),
    ]).For("brand");

    private static SignalFact Signal(string platform, string person, double daysAgo, decimal revenue = 0) =>
        new(platform, person, revenue > 0 ? "order" : "message", Now.AddDays(-daysAgo), revenue);

    [Fact]
    public void The_lines_of_a_small_hand_counted_month_come_out_to_the_thousandth()
    {
        SignalFact[] signals =
        [
            Signal("douyin", "P1", 3, 300m), Signal("douyin", "P2", 2, 100m), Signal("douyin", "P4", 1), Signal("douyin", "P4", 5), Signal("douyin", "P5", 6), Signal("douyin", "P6", 7),
            Signal("wechat", "P1", 6), Signal("wechat", "P7", 8), Signal("wechat", "P8", 9),
            Signal("xiaohongshu", "P3", 1),
            Signal("douyin", "P9", 40), // before the window
        ];
        TouchFact[] touches =
        [
            new("T1", "wechat", "invite", "invite", "P1", Now.AddDays(-5), 0m),
            new("T2", "douyin", "coupon", "coupon", "P1", Now.AddDays(-4), 20m),  // P1's last touch before the order: gets its 300
            new("T3", "douyin", "coupon", "coupon", "P2", Now.AddDays(-10), 0m),  // 8 days before P2's order: outside the 7-day attribution
            new("T4", "xiaohongshu", "note", "message", "P3", Now.AddDays(-1), 0m),
        ];

        var lines = ControlLineCalculator.Compute("brand", Now, Roles, signals, touches, []);

        // 10 signals in the window: douyin 6, wechat 3, xiaohongshu 1; all 400 of revenue on douyin.
        Assert.Equal(new Concentration(0.6, 1.0), lines.Concentration["douyin"]);
        Assert.Equal(new Concentration(0.3, 0.0), lines.Concentration["wechat"]);
        Assert.Equal(new Concentration(0.1, 0.0), lines.Concentration["xiaohongshu"]);

        // Costs: T1 0.5; T2 1 + 20 + 5 % of 300 = 36; T3 1; T4 2. Douyin: 300 / 37 = 8.108.
        Assert.Equal(8.108, lines.Roi["douyin"]);
        Assert.Equal(0, lines.Roi["wechat"]);
        Assert.Equal(0, lines.Roi["xiaohongshu"]);
        Assert.Equal(8.108, lines.Scenes["coupon"]);

        // New platforms: 2 of 39.5 spent = 0.051.
        Assert.Equal(0.051, lines.Innovation.Share);
        Assert.Equal(
            [
                new CrossedLine("concentration", "douyin", 0.6, 0.40),
                new CrossedLine("roi", "wechat", 0, 1.5),
                new CrossedLine("roi", "xiaohongshu", 0, 1.5),
                new CrossedLine("innovation", null, 0.051, 0.20),
            ],
            lines.Crossed);
        Assert.Equal("P30D", lines.Window);
    }

    [Fact]
    public void Each_computation_keeps_the_thresholds_it_was_judged_against()
    {
        var roles = PortfolioSet.Compile([new StaffRow("brand", "thresholds", new Dictionary<string, object?> { ["Concentration"] = 0.6, ["Roi"] = 1.5, ["Innovation"] = 0.3 })]).For("brand");

        var lines = ControlLineCalculator.Compute("brand", Now, roles, [Signal("wechat", "P1", 1)], [], []);
        var defaults = ControlLineCalculator.Compute("brand", Now, Roles, [Signal("wechat", "P1", 1)], [], []);

        Assert.Equal(new LineThresholds(0.6, 1.5, 0.3), lines.Thresholds);
        Assert.Equal(new LineThresholds(0.40, 1.5, 0.20), defaults.Thresholds); // docs/portfolio.md's defaults
    }

    [Fact]
    public void Without_touches_there_is_no_roi_and_no_innovation_line_to_cross()
    {
        var lines = ControlLineCalculator.Compute("brand", Now, Roles, [Signal("wechat", "P1", 1), Signal("douyin", "P2", 1)], [], []);

        Assert.Empty(lines.Roi);
        Assert.Equal(0, lines.Innovation.Share);
        Assert.Equal([new CrossedLine("concentration", "douyin", 0.5, 0.40), new CrossedLine("concentration", "wechat", 0.5, 0.40)], lines.Crossed);
    }

    [Fact]
    public void Coins_redeemed_after_a_touch_cost_it_their_value_and_a_touch_that_never_reaches_the_contact_neither_costs_nor_earns()
    {
        var roles = PortfolioSet.Compile(
        [
            new StaffRow("brand", "wechat", new Dictionary<string, object?> { ["TouchCost"] = 0.5 }),
            new StaffRow("brand", "thresholds", new Dictionary<string, object?> { ["CoinValue"] = 0.1 }),
        ]).For("brand");
        TouchFact[] touches =
        [
            new("T1", "wechat", "care", "message", "P1", Now.AddDays(-5), 0m),
            new("T2", "wechat", "mark", "tag", "P1", Now.AddDays(-2), 0m), // a tag reaches nobody: the order is not its revenue
        ];
        RedemptionFact[] redemptions =
        [
            new("P1", Now.AddDays(-1.5), 200), // after T1, inside the 7 days: 200 × 0.1 = 20 yuan on T1
            new("P1", Now.AddDays(-20), 80),   // no touch in the 7 days before it: nobody's cost
            new("P1", Now.AddDays(-40), 500),  // before the window
        ];

        var lines = ControlLineCalculator.Compute("brand", Now, roles, [Signal("wechat", "P1", 1, 50m)], touches, redemptions);
        var free = ControlLineCalculator.Compute("brand", Now, Roles, [Signal("wechat", "P1", 1, 50m)], touches, redemptions);

        // 50 of revenue over 0.5 + 20 = 20.5 of cost; without a coin value 50 over 0.5.
        Assert.Equal(2.439, lines.Roi["wechat"]);
        Assert.Equal(["care"], lines.Scenes.Keys);
        Assert.Equal(100, free.Roi["wechat"]);
    }
}
