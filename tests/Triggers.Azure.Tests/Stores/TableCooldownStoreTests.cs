using Triggers.Azure.Stores;
using Triggers.Core.Rules;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableCooldownStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_write_is_insert_only_so_a_second_worker_inserting_the_same_contact_loses()
    {
        var store = new TableCooldownStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await store.TryWriteAsync(tenant, "r1", "contact/1", new CooldownEntry(T0, "s1"), null, ct));
        Assert.False(await store.TryWriteAsync(tenant, "r1", "contact/1", new CooldownEntry(T0.AddMinutes(1), "s2"), null, ct));

        var stored = await store.GetAsync(tenant, "r1", "contact/1", ct);
        Assert.NotNull(stored);
        Assert.Equal(new CooldownEntry(T0, "s1"), stored.Entry);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_refused_and_with_the_current_one_succeeds()
    {
        var store = new TableCooldownStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        await store.TryWriteAsync(tenant, "r1", "c1", new CooldownEntry(T0, "s1"), null, ct);
        var first = (await store.GetAsync(tenant, "r1", "c1", ct))!;
        Assert.True(await store.TryWriteAsync(tenant, "r1", "c1", new CooldownEntry(T0.AddDays(2), "s2"), first.Version, ct));

        Assert.False(await store.TryWriteAsync(tenant, "r1", "c1", new CooldownEntry(T0.AddDays(4), "s3"), first.Version, ct));

        Assert.Equal(new CooldownEntry(T0.AddDays(2), "s2"), (await store.GetAsync(tenant, "r1", "c1", ct))!.Entry);
    }

    [Fact]
    public async Task The_gate_over_the_table_blocks_inside_the_cooldown_passes_redeliveries_and_keys_by_tenant_and_rule()
    {
        var store = new TableCooldownStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("tn");
        var ct = TestContext.Current.CancellationToken;
        var rule = Compile(tenant, "daily");
        var other = Compile(tenant, "other");
        var gate = new CooldownGate(store);

        Assert.True(await gate.TryPassAsync(rule, "c1", "s1", T0, ct));
        Assert.True(await gate.TryPassAsync(rule, "c1", "s1", T0, ct));
        Assert.False(await gate.TryPassAsync(rule, "c1", "s2", T0.AddHours(23), ct));
        Assert.True(await gate.TryPassAsync(other, "c1", "s2", T0.AddHours(23), ct));
        Assert.True(await gate.TryPassAsync(rule, "c1", "s3", T0.AddDays(1), ct));

        var row = (await azurite.Connection.CreateTableServiceClient().GetTableClient(TableNames.Cooldowns).GetEntityAsync<global::Azure.Data.Tables.TableEntity>($"{tenant}|daily", "c1", cancellationToken: ct)).Value;
        Assert.Equal("s3", row?.GetString("SignalId"));
        Assert.Equal(T0.AddDays(1), row?.GetDateTimeOffset("LastFiredAt"));
    }

    private static CompiledRule Compile(string tenant, string id) => Assert.Single(RuleSet.Compile(
        [new RuleDefinition(tenant, id, true, 0, "true", """[{"type":"alert","text":"x"}]""", "P1D", null, "1")]).Rules);
}
