using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRuleSourceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Rules_typed_by_hand_as_strings_still_load_and_unreadable_types_become_problems_for_that_rule_only()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("tn");
        var rules = tables.GetTableClient(TableNames.Rules);
        var ct = TestContext.Current.CancellationToken;
        await rules.AddEntityAsync(new TableEntity(tenant, "typed") { ["Enabled"] = true, ["Priority"] = 7, ["When"] = "{}", ["Then"] = "[]" }, ct);
        await rules.AddEntityAsync(new TableEntity(tenant, "strings") { ["Enabled"] = "True", ["Priority"] = "12", ["When"] = "{}" }, ct);
        await rules.AddEntityAsync(new TableEntity(tenant, "bad-enabled") { ["Enabled"] = "yes", ["Priority"] = 1 }, ct);
        await rules.AddEntityAsync(new TableEntity(tenant, "bad-priority") { ["Enabled"] = true, ["Priority"] = "high" }, ct);

        var loaded = await new TableRuleSource(tables).LoadAsync(ct);

        var mine = loaded.Definitions.Where(d => d.Tenant == tenant).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["strings", "typed"], mine.Select(d => d.Id));
        Assert.Equal(12, mine[0].Priority);
        Assert.True(mine[0].Enabled);
        Assert.Equal(7, mine[1].Priority);
        Assert.False(string.IsNullOrEmpty(mine[1].Version));
        var problems = loaded.Problems.Where(p => p.Tenant == tenant).OrderBy(p => p.RuleId, StringComparer.Ordinal).ToList();
        Assert.Equal(["bad-enabled", "bad-priority"], problems.Select(p => p.RuleId));
        Assert.Contains("Enabled", problems[0].Problem, StringComparison.Ordinal);
        Assert.Contains("Priority", problems[1].Problem, StringComparison.Ordinal);
    }
}
