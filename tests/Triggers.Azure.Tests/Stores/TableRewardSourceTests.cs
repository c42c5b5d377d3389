using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRewardSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rewards_typed_by_hand_load_leniently_and_each_unreadable_row_is_a_problem_naming_its_field()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("rw");
        var rewards = tables.GetTableClient(TableNames.Rewards);
        var ct = TestContext.Current.CancellationToken;
        await rewards.AddEntityAsync(new TableEntity(tenant, "salon-seat") { ["Title"] = "线下沙龙席位", ["Cost"] = 300, ["Stock"] = 20L }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "course-discount")
        {
            ["Cost"] = "150", ["Stock"] = " 100 ", ["Enabled"] = "False", ["ValidFrom"] = "2026-12-01T00:00:00Z", ["ValidUntil"] = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "no-cost") { ["Stock"] = 5 }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "free") { ["Cost"] = 0, ["Stock"] = 5 }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "half") { ["Cost"] = "12.5", ["Stock"] = 5 }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "no-stock") { ["Cost"] = 10 }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "negative") { ["Cost"] = 10, ["Stock"] = -1 }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "bad-enabled") { ["Cost"] = 10, ["Stock"] = 1, ["Enabled"] = "yes" }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "bad-date") { ["Cost"] = 10, ["Stock"] = 1, ["ValidUntil"] = "next week" }, ct);
        await rewards.AddEntityAsync(new TableEntity(tenant, "backwards") { ["Cost"] = 10, ["Stock"] = 1, ["ValidFrom"] = "2027-01-01", ["ValidUntil"] = "2026-01-01" }, ct);

        var loaded = await new TableRewardSource(tables).LoadAsync(ct);

        var mine = loaded.Rewards.Where(r => r.Tenant == tenant).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["course-discount", "salon-seat"], mine.Select(r => r.Id));
        Assert.Equal((150L, 100L, false), (mine[0].Cost, mine[0].Stock, mine[0].Enabled));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), mine[0].ValidFrom);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), mine[0].ValidUntil);
        Assert.Equal((300L, 20L, true, "线下沙龙席位"), (mine[1].Cost, mine[1].Stock, mine[1].Enabled, mine[1].Title));

        var problems = loaded.Problems.Where(p => p.Tenant == tenant).ToDictionary(p => p.Reward, p => p.Problem);
        Assert.Equal(["backwards", "bad-date", "bad-enabled", "free", "half", "negative", "no-cost", "no-stock"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("ValidUntil (2026-01-01", problems["backwards"], StringComparison.Ordinal);
        Assert.StartsWith("ValidUntil is 'next week', not a date", problems["bad-date"], StringComparison.Ordinal);
        Assert.StartsWith("Enabled is 'yes', not a boolean", problems["bad-enabled"], StringComparison.Ordinal);
        Assert.StartsWith("Cost is 0: a reward costs 1 to", problems["free"], StringComparison.Ordinal);
        Assert.StartsWith("Cost is '12.5', not a whole number", problems["half"], StringComparison.Ordinal);
        Assert.StartsWith("Stock is -1", problems["negative"], StringComparison.Ordinal);
        Assert.StartsWith("Cost is missing", problems["no-cost"], StringComparison.Ordinal);
        Assert.StartsWith("Stock is missing", problems["no-stock"], StringComparison.Ordinal);
    }
}
