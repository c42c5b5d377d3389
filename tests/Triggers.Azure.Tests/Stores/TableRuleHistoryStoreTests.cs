using Triggers.Azure.Stores;
using Triggers.Core.Rules;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRuleHistoryStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Versions_list_newest_first_and_the_same_superseded_version_is_recorded_once()
    {
        var store = new TableRuleHistoryStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var older = Entry(tenant, "2026-11-22T01:00:00.000Z", "cli:alice", when: "false");
        var newer = Entry(tenant, "2026-11-22T02:00:00.000Z", "unknown", when: "true");

        await store.AddAsync([older, newer], ct);
        await store.AddAsync([newer with { ChangedBy = "second-writer" }], ct);

        var listed = await store.ListAsync(tenant, "r1", 10, ct);
        Assert.Equal([newer, older], listed);
        Assert.Single(await store.ListAsync(tenant, "r1", 1, ct));
        Assert.Empty(await store.ListAsync(tenant, "other", 10, ct));
    }

    private static HistoryEntry Entry(string tenant, string version, string changedBy, string when) => new(
        tenant, "r1", HistoryEntry.Changed, true, 7, when, """[{"type":"alert","text":"x"}]""", "PT1H", "desc",
        version, DateTimeOffset.Parse(version, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(30), changedBy);
}
