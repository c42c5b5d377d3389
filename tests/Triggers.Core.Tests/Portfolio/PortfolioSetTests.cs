using Triggers.Core.Portfolio;
using Triggers.Core.StaffTables;

namespace Triggers.Core.Tests.Portfolio;

public sealed class PortfolioSetTests
{
    private static StaffRow Row(string row, params (string Name, object? Value)[] properties) =>
        new("brand", row, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    [Fact]
    public void Rows_typed_by_hand_set_roles_and_lines_and_each_broken_row_is_reported_while_the_rest_work()
    {
        var set = PortfolioSet.Compile(
        [
            Row("settings", ("ConcentrationLine", "0.35"), ("RoiLine", 2), ("Window", "P14D")),
            Row("douyin", ("TouchCost", 0.3), ("FeeRate", "0.05")),
            Row("zhihu", ("NewPlatform", true)),
            Row("channel:crm-relay", ("Quadrant", "conversion")),
            Row("bilibili", ("Quadrant", "fun")),
            Row("kuaishou", ("FeeRate", 5)),
            Row("channel:", ("Quadrant", "value")),
        ]);

        var brand = set.For("brand");
        Assert.Equal((0.35, 2.0, 0.20, TimeSpan.FromDays(14)), (brand.Settings.ConcentrationLine, brand.Settings.RoiLine, brand.Settings.InnovationShare, brand.Settings.Window));
        Assert.Equal((0.3, 0.05), (brand.RoleOf("dy-shop", "douyin").TouchCost, brand.RoleOf("dy-shop", "douyin").FeeRate));
        Assert.True(brand.RoleOf("zh", "zhihu").NewPlatform);
        Assert.Equal("conversion", brand.QuadrantOf("crm-relay", "generic"));
        Assert.Equal("service", brand.QuadrantOf("wx", "wechat"));
        Assert.Equal("emotion", brand.QuadrantOf("bili", "bilibili"));
        Assert.Null(brand.QuadrantOf("crm", "generic"));
        var problems = set.Problems.ToDictionary(p => p.Row, p => p.Problem);
        Assert.Equal(["bilibili", "channel:", "kuaishou"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Quadrant is 'fun': use one of value, emotion, conversion, service", problems["bilibili"], StringComparison.Ordinal);
        Assert.StartsWith("FeeRate is '5': write the platform's share of revenue, from 0 to 1", problems["kuaishou"], StringComparison.Ordinal);
        Assert.Same(TenantPortfolio.Default, set.For("elsewhere"));
    }

    [Theory]
    [InlineData("douyin", "conversion")]
    [InlineData("taobao", "conversion")]
    [InlineData("xiaohongshu", "emotion")]
    [InlineData("zhihu", "value")]
    [InlineData("wecom", "service")]
    public void Each_platform_has_its_usual_quadrant_without_rows(string platform, string quadrant) =>
        Assert.Equal(quadrant, Quadrants.DefaultOf(platform));
}
