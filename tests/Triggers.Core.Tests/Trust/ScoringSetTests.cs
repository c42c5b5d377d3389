using Triggers.Core.Trust;

namespace Triggers.Core.Tests.Trust;

public sealed class ScoringSetTests
{
    private static Triggers.Core.StaffTables.StaffRow Row(string row, params (string Name, object? Value)[] properties) =>
        new("brand", row, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    private static Triggers.Core.StaffTables.StaffRow Answer(string row = "answer", object? points = null) =>
        Row(row, ("Component", "community"), ("When", """{"==": [{"var": "signal.attributes.event"}, "answer"]}"""), ("Points", points ?? 3));

    [Fact]
    public void Settings_and_contribution_rows_typed_by_hand_compile_and_each_broken_row_is_reported_while_the_rest_work()
    {
        var set = ScoringSet.Compile(
        [
            Row("settings", ("Transactions", "1"), ("Community", 2), ("Sentiment", 0.5), ("Tenure", 0), ("HalfLife", "P30D"), ("Scale", 20L), ("TenureDays", "180")),
            Answer(),
            Row("order", ("Component", "transactions"), ("When", """{"==": [{"var": "signal.kind"}, "order"]}"""), ("Points", "10"), ("Description", "an order")),
            Row("off", ("Component", "community"), ("When", "true"), ("Points", 1), ("Enabled", "false")),
            Row("tenure-row", ("Component", "tenure"), ("When", "true"), ("Points", 1)),
            Row("bad-when", ("Component", "community"), ("When", """{"nope": [1]}"""), ("Points", 1)),
            Row("no-points", ("Component", "sentiment"), ("When", "true")),
            Row("zero", ("Component", "sentiment"), ("When", "true"), ("Points", 0)),
            Row("words", ("Component", "sentiment"), ("When", "true"), ("Points", "five")),
        ]);

        var brand = set.For("brand")!;
        Assert.Equal(["answer", "order"], brand.Contributions.Select(c => c.Id));
        Assert.Equal((10.0, "transactions"), (brand.Contributions[1].Points, brand.Contributions[1].Component));
        Assert.Equal(TimeSpan.FromDays(30), brand.Settings.HalfLife);
        Assert.Equal((20.0, 180), (brand.Settings.Scale, brand.Settings.TenureDays));
        Assert.Equal([1.0, 2.0, 0.5, 0.0], TrustComponents.All.Select(c => brand.Settings.Weights[c]));
        var problems = set.Problems.ToDictionary(p => p.Row, p => p.Problem);
        Assert.Equal(["bad-when", "no-points", "tenure-row", "words", "zero"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("When: ", problems["bad-when"], StringComparison.Ordinal);
        Assert.StartsWith("Points is missing", problems["no-points"], StringComparison.Ordinal);
        Assert.StartsWith("Component is 'tenure': use one of transactions, community, sentiment", problems["tenure-row"], StringComparison.Ordinal);
        Assert.StartsWith("Points is 'five', not a number", problems["words"], StringComparison.Ordinal);
        Assert.StartsWith("Points is 0", problems["zero"], StringComparison.Ordinal);
        Assert.Null(set.For("elsewhere"));
    }

    [Fact]
    public void A_broken_settings_row_is_reported_and_the_defaults_stay_in_use()
    {
        var set = ScoringSet.Compile([Row("settings", ("HalfLife", "90 days"), ("Community", -1)), Answer()]);

        Assert.Equal(
            ["Community is -1: a weight is from 0 to 100 (weights are relative).", "HalfLife '90 days' must be an ISO-8601 duration from P1D to P3650D, for example P90D."],
            set.Problems.Select(p => p.Problem));
        Assert.Equal(TrustSettings.Default, set.For("brand")!.Settings);
        Assert.Single(set.For("brand")!.Contributions);
    }

    [Fact]
    public void A_row_with_per_earns_its_points_for_each_unit_of_a_number_in_the_signal_within_the_limit()
    {
        var set = ScoringSet.Compile(
        [
            Row("spend", ("Component", "transactions"), ("When", """{"==": [{"var": "signal.kind"}, "order"]}"""), ("Points", 0.05), ("Per", "signal.attributes.amount")),
            Row("bad-per", ("Component", "transactions"), ("When", "true"), ("Points", 1), ("Per", "signal attributes")),
        ]);
        var spend = Assert.Single(set.For("brand")!.Contributions);

        Assert.Equal(14.95, Math.Round(spend.Earned(Data("299.00")), 2));
        Assert.Equal(ScoringSet.MaxPoints, spend.Earned(Data("9999999")));
        Assert.Equal(0, spend.Earned(Data("free")));
        Assert.StartsWith("Per 'signal attributes' must be the path of a number", Assert.Single(set.Problems).Problem, StringComparison.Ordinal);
    }

    private static Triggers.Core.JsonLogic.JsonLogicData Data(string amount) =>
        Triggers.Core.Rules.ConditionData.BuildLogicData(
            Triggers.Core.Tests.Support.TestSignals.Message("o1", "订单") with { Kind = "order", Attributes = new Dictionary<string, string> { ["amount"] = amount } },
            Triggers.Core.Tests.Support.TestSignals.Angry(), null);
}
