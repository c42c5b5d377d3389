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
            Row("thresholds", ("Concentration", "0.35"), ("Roi", 2), ("Window", "P14D"), ("CoinValue", 0.05), ("AlertChannel", "ops-robot"), ("Note", "set by 运营")),
            Row("douyin", ("TouchCost", 0.3), ("FeeRate", "0.05")),
            Row("zhihu", ("IsNew", true)),
            Row("weibo", ("NewPlatfrom", true)),
            Row("channel:crm-relay", ("Quadrant", "conversion")),
            Row("bilibili", ("Quadrant", "fun")),
            Row("kuaishou", ("FeeRate", 5)),
            Row("channel:", ("Quadrant", "value")),
        ]);

        var brand = set.For("brand");
        Assert.Equal((0.35, 2.0, 0.20, TimeSpan.FromDays(14)), (brand.Settings.ConcentrationLine, brand.Settings.RoiLine, brand.Settings.InnovationShare, brand.Settings.Window));
        Assert.Equal((0.3, 0.05), (brand.RoleOf("dy-shop", "douyin").TouchCost, brand.RoleOf("dy-shop", "douyin").FeeRate));
        Assert.Equal((0.05m, "ops-robot"), (brand.Settings.CoinValue, brand.Settings.AlertChannel));
        Assert.True(brand.RoleOf("zh", "zhihu").NewPlatform);
        Assert.False(brand.RoleOf("wb", "weibo").NewPlatform);
        Assert.Equal("conversion", brand.QuadrantOf("crm-relay", "generic"));
        Assert.Equal("service", brand.QuadrantOf("wx", "wechat"));
        Assert.Equal("emotion", brand.QuadrantOf("bili", "bilibili"));
        Assert.Null(brand.QuadrantOf("crm", "generic"));
        var problems = set.Problems.ToDictionary(p => p.Row, p => p.Problem);
        Assert.Equal(["bilibili", "channel:", "kuaishou", "weibo"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("NewPlatfrom is not a column of this row: use Quadrant, IsNew, TouchCost, FeeRate, Note, or delete it.", problems["weibo"]);
        Assert.StartsWith("Quadrant is 'fun': use one of value, emotion, conversion, service", problems["bilibili"], StringComparison.Ordinal);
        Assert.StartsWith("FeeRate is '5': write the platform's share of revenue, from 0 to 1", problems["kuaishou"], StringComparison.Ordinal);
        Assert.Same(TenantPortfolio.Default, set.For("elsewhere"));
    }

    [Fact]
    public void A_thresholds_row_with_a_misspelt_column_is_reported_with_the_column_meant_and_the_defaults_stay()
    {
        var set = PortfolioSet.Compile([Row("thresholds", ("ConcentrationLine", 0.3), ("Roi", 2))]);

        var problem = Assert.Single(set.Problems);
        Assert.Equal(("thresholds", "ConcentrationLine is not a column of this row: did you mean Concentration? use Concentration, Roi, Innovation, Window, AttributionWindow, UndercutMargin, CoinValue, AlertChannel, Note, or delete it."), (problem.Row, problem.Problem));
        Assert.Equal((0.40, 1.5), (set.For("brand").Settings.ConcentrationLine, set.For("brand").Settings.RoiLine));
    }

    [Fact]
    public void Rows_typed_with_the_old_names_are_pointed_at_the_new_ones()
    {
        var set = PortfolioSet.Compile([Row("settings", ("RoiLine", 2)), Row("zhihu", ("NewPlatform", true))]);

        var problems = set.Problems.ToDictionary(p => p.Row, p => p.Problem);
        Assert.Equal("RowKey settings is not a platform: the row of lines and windows is called thresholds; rename it.", problems["settings"]);
        Assert.StartsWith("NewPlatform is not a column of this row: did you mean IsNew?", problems["zhihu"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P14D", 14)]
    [InlineData(30, 30)]
    [InlineData("60", 60)]
    [InlineData(90.0, 90)]
    public void The_window_is_an_iso_duration_or_a_number_of_days(object written, int days) =>
        Assert.Equal(TimeSpan.FromDays(days), PortfolioSet.Compile([Row("thresholds", ("Window", written))]).For("brand").Settings.Window);

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    [InlineData(2.5)]
    [InlineData("thirty")]
    [InlineData("PT1H")]
    public void A_window_that_is_not_a_day_to_a_year_is_reported_and_the_default_stays(object written)
    {
        var set = PortfolioSet.Compile([Row("thresholds", ("Window", written))]);

        Assert.StartsWith($"Window is '{Convert.ToString(written, System.Globalization.CultureInfo.InvariantCulture)}': write an ISO-8601 duration from P1D to P366D (P30D), or a whole number of days", Assert.Single(set.Problems).Problem, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(30), set.For("brand").Settings.Window);
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
