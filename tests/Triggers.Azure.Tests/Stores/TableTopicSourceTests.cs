using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableTopicSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rows_typed_by_hand_load_leniently_and_each_unreadable_row_is_a_problem_naming_its_field()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("tn");
        var topics = tables.GetTableClient(TableNames.Topics);
        var ct = TestContext.Current.CancellationToken;
        await topics.AddEntityAsync(new TableEntity(tenant, "range_anxiety") { ["Keywords"] = "续航, 里程、range\nbattery", ["Description"] = "range" }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "complaint") { ["Keywords"] = """["投诉","差评"]""", ["NegativeOnly"] = "True", ["Enabled"] = true }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "old") { ["Keywords"] = "旧", ["Enabled"] = false }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "bad-enabled") { ["Keywords"] = "x", ["Enabled"] = "yes" }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "bad-negative") { ["Keywords"] = "x", ["NegativeOnly"] = 1 }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "bad-json") { ["Keywords"] = """["续航", """ }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "no-keywords") { ["Description"] = "forgot" }, ct);
        await topics.AddEntityAsync(new TableEntity(tenant, "bad.name") { ["Keywords"] = "x" }, ct);

        var loaded = await new TableTopicSource(tables).LoadAsync(ct);

        var mine = loaded.Definitions.Where(d => d.Tenant == tenant).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["complaint", "range_anxiety"], mine.Select(d => d.Name));
        Assert.Equal(["投诉", "差评"], mine[0].Keywords);
        Assert.True(mine[0].NegativeOnly);
        Assert.Equal(["续航", "里程", "range", "battery"], mine[1].Keywords);
        Assert.False(mine[1].NegativeOnly);

        var problems = loaded.Problems.Where(p => p.Tenant == tenant).ToDictionary(p => p.Topic, p => p.Problem);
        Assert.Equal(["bad-enabled", "bad-json", "bad-negative", "bad.name", "no-keywords"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Enabled", problems["bad-enabled"], StringComparison.Ordinal);
        Assert.StartsWith("Keywords", problems["bad-json"], StringComparison.Ordinal);
        Assert.StartsWith("NegativeOnly", problems["bad-negative"], StringComparison.Ordinal);
        Assert.StartsWith("RowKey", problems["bad.name"], StringComparison.Ordinal);
        Assert.StartsWith("Keywords is missing", problems["no-keywords"], StringComparison.Ordinal);
        Assert.Contains(tenant, loaded.Tenants);
    }

    [Fact]
    public async Task A_tenant_whose_only_row_is_disabled_is_still_listed_as_having_its_own_topics()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await tables.GetTableClient(TableNames.Topics).AddEntityAsync(new TableEntity(tenant, "price") { ["Keywords"] = "价格", ["Enabled"] = "false" }, ct);

        var loaded = await new TableTopicSource(tables).LoadAsync(ct);

        Assert.Contains(tenant, loaded.Tenants);
        Assert.DoesNotContain(loaded.Definitions, d => d.Tenant == tenant);
        Assert.DoesNotContain(loaded.Problems, p => p.Tenant == tenant);
    }
}
