using Triggers.Azure.Stores;
using Triggers.Core.Contacts;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableContactStateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_field_reads_back_with_the_version_the_write_returned()
    {
        var store = new TableContactStateStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var state = new ContactState
        {
            Tenant = tenant,
            Channel = "demo",
            Contact = "wm/contact#1?|%",
            LastInboundAt = T0,
            LastAgentAt = T0.AddMinutes(5),
            OptedOut = true,
            ConsentSource = "keyword:退订",
            ConsentChangedAt = T0.AddMinutes(1),
        };

        var written = await store.TryWriteAsync(state, ct);
        var read = await store.GetAsync(tenant, "demo", state.Contact, ct);

        Assert.NotNull(written?.Version);
        Assert.Equal(written, read);
        Assert.Equal(state, read! with { Version = null });
    }

    [Fact]
    public async Task An_unknown_contact_has_no_state()
    {
        var store = new TableContactStateStore(await StoreTestData.TablesAsync(azurite));

        Assert.Null(await store.GetAsync(azurite.UniqueName("tn"), "demo", "nobody", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Of_two_concurrent_first_writes_exactly_one_inserts()
    {
        var store = new TableContactStateStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(
            store.TryWriteAsync(State(tenant, "c1") with { LastInboundAt = T0 }, ct),
            store.TryWriteAsync(State(tenant, "c1") with { LastAgentAt = T0 }, ct));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        Assert.Equal(winner, await store.GetAsync(tenant, "demo", "c1", ct));
    }

    [Fact]
    public async Task A_write_from_a_stale_version_loses_and_one_from_the_current_version_succeeds()
    {
        var store = new TableContactStateStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var first = (await store.TryWriteAsync(State(tenant, "c1"), ct))!;
        var second = (await store.TryWriteAsync(first with { LastInboundAt = T0 }, ct))!;

        var stale = await store.TryWriteAsync(first with { OptedOut = true }, ct);
        var current = await store.TryWriteAsync(second with { OptedOut = true }, ct);

        Assert.Null(stale);
        Assert.NotNull(current);
        var stored = (await store.GetAsync(tenant, "demo", "c1", ct))!;
        Assert.True(stored.OptedOut);
        Assert.Equal(T0, stored.LastInboundAt);
    }

    [Fact]
    public async Task Separators_inside_tenant_and_channel_do_not_make_two_contacts_share_a_row()
    {
        var store = new TableContactStateStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        var left = await store.TryWriteAsync(State(tenant + "|a", "c1", channel: "b"), ct);
        var right = await store.TryWriteAsync(State(tenant, "c1", channel: "a|b"), ct);

        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.Equal(tenant + "|a", (await store.GetAsync(tenant + "|a", "b", "c1", ct))?.Tenant);
    }

    private static ContactState State(string tenant, string contact, string channel = "demo") =>
        new() { Tenant = tenant, Channel = channel, Contact = contact };
}
