using Triggers.Azure.Stores;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableTouchpointStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static Touchpoint Touchpoint(string tenant, string id, string status, int dueMinutes) => new()
    {
        Id = id,
        Tenant = tenant,
        RuleId = "r1",
        RuleVersion = "v1",
        SignalId = "s1",
        ActionIndex = 0,
        Type = "message",
        Channel = "demo",
        Contact = "openid-1",
        Status = status,
        DueAt = T0.AddMinutes(dueMinutes),
        PlannedAt = T0,
        Why = "because",
        Text = "hi",
    };

    [Fact]
    public async Task Adding_the_same_touchpoint_twice_records_it_once()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        var first = await store.AddIfAbsentAsync(Touchpoint(tenant, "tp1", TouchpointStatus.Planned, 5), ct);
        var second = await store.AddIfAbsentAsync(Touchpoint(tenant, "tp1", TouchpointStatus.Planned, 9), ct);

        Assert.True(first);
        Assert.False(second);
        var stored = Assert.Single(await store.ListAsync(tenant, null, 10, ct));
        Assert.Equal(T0.AddMinutes(5), stored.DueAt);
        Assert.Equal(Touchpoint(tenant, "tp1", TouchpointStatus.Planned, 5), stored);
    }

    [Fact]
    public async Task Touchpoints_list_by_status_in_due_order()
    {
        var store = new TableTouchpointStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.AddIfAbsentAsync(Touchpoint(tenant, "late", TouchpointStatus.Planned, 30), ct);
        await store.AddIfAbsentAsync(Touchpoint(tenant, "early", TouchpointStatus.Planned, 10), ct);
        await store.AddIfAbsentAsync(Touchpoint(tenant, "done", TouchpointStatus.Sent, 1), ct);

        var planned = await store.ListAsync(tenant, TouchpointStatus.Planned, 10, ct);

        Assert.Equal(["early", "late"], planned.Select(t => t.Id));
    }
}
