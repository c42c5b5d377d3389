using Azure.Core;
using Azure.Data.Tables;
using Triggers.Azure.Storage;
using Triggers.Azure.Stores;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableDedupeStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_signal_is_new_then_unconfirmed_until_its_enqueue_is_confirmed_then_a_duplicate()
    {
        var store = new TableDedupeStore(await StoreTestData.TablesAsync(azurite), new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        Signal[] signal = [StoreTestData.Signal(azurite.UniqueName("ch"), "m1", Now)];
        var ct = TestContext.Current.CancellationToken;

        var first = await store.BeginAsync(signal, ct);
        var beforeConfirm = await store.BeginAsync(signal, ct);
        await store.ConfirmAsync(signal, ct);
        var afterConfirm = await store.BeginAsync(signal, ct);

        Assert.Equal([DedupeState.New], first);
        Assert.Equal([DedupeState.Unconfirmed], beforeConfirm);
        Assert.Equal([DedupeState.Duplicate], afterConfirm);
    }

    [Fact]
    public async Task A_group_reports_each_signal_new_unconfirmed_or_duplicate_in_the_order_given_even_where_they_share_a_transaction()
    {
        var store = new TableDedupeStore(await StoreTestData.TablesAsync(azurite), new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        var channel = azurite.UniqueName("ch");
        var ct = TestContext.Current.CancellationToken;
        var signals = Enumerable.Range(0, 60).Select(i => StoreTestData.Signal(channel, $"m{i}", Now)).ToArray();
        // Signal 7 was begun and never confirmed; signals 21 and 42 were enqueued before.
        await store.BeginAsync([signals[7], signals[21], signals[42]], ct);
        await store.ConfirmAsync([signals[21], signals[42]], ct);

        var states = await store.BeginAsync(signals, ct);

        var expected = Enumerable.Range(0, 60).Select(i => i switch
        {
            7 => DedupeState.Unconfirmed,
            21 or 42 => DedupeState.Duplicate,
            _ => DedupeState.New,
        });
        Assert.Equal(expected, states);
        Assert.All(await store.BeginAsync(signals, ct), s => Assert.NotEqual(DedupeState.New, s));
    }

    [Fact]
    public async Task A_busy_channel_spreads_its_markers_over_four_partitions_and_writes_each_partition_in_as_few_transactions_as_the_limit_allows()
    {
        var counted = new StorageTransactions();
        var options = new TableClientOptions();
        options.AddPolicy(counted.ForTables(), HttpPipelinePosition.PerRetry);
        await StoreTestData.TablesAsync(azurite);
        var tables = azurite.Connection.CreateTableServiceClient(options);
        var store = new TableDedupeStore(tables, new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        var channel = azurite.UniqueName("ch");
        var ct = TestContext.Current.CancellationToken;
        var signals = Enumerable.Range(0, 400).Select(i => StoreTestData.Signal(channel, $"live-{i}", Now)).ToArray();

        await store.BeginAsync(signals, ct);
        var begun = counted.Tables;
        await store.ConfirmAsync(signals, ct);
        var confirmed = counted.Tables - begun;

        var partitions = signals.Select(s => TableDedupeStore.PartitionKey(s.Channel, s.Id)).Distinct().ToList();
        Assert.Equal(TableDedupeStore.Buckets, partitions.Count);
        Assert.All(partitions, p => Assert.StartsWith(channel + "~", p, StringComparison.Ordinal));
        // 400 markers in 4 partitions of about 100: a transaction holds at most 100 actions.
        var needed = signals.GroupBy(s => TableDedupeStore.PartitionKey(s.Channel, s.Id)).Sum(g => (g.Count() + 99) / 100);
        Assert.InRange(needed, 4, 8);
        Assert.Equal(needed, begun);
        Assert.Equal(needed, confirmed);
    }

    [Fact]
    public async Task A_signal_id_with_characters_table_keys_forbid_still_gets_a_marker()
    {
        var store = new TableDedupeStore(await StoreTestData.TablesAsync(azurite), new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        var ct = TestContext.Current.CancellationToken;
        Signal[] signal = [StoreTestData.Signal(azurite.UniqueName("ch"), "m1", Now) with { Id = "order/42#a?b\\c" }];

        Assert.Equal([DedupeState.New], await store.BeginAsync(signal, ct));
        await store.ConfirmAsync(signal, ct);
        Assert.Equal([DedupeState.Duplicate], await store.BeginAsync(signal, ct));
    }

    [Fact]
    public async Task Purging_removes_only_markers_past_their_time_to_live()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var channel = azurite.UniqueName("ch");
        var ct = TestContext.Current.CancellationToken;
        var old = new TableDedupeStore(tables, new FakeTimeProvider(Now.AddDays(-2)), TimeSpan.FromDays(1));
        var fresh = new TableDedupeStore(tables, new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        await old.BeginAsync([StoreTestData.Signal(channel, "old", Now)], ct);
        await fresh.BeginAsync([StoreTestData.Signal(channel, "fresh", Now)], ct);

        await fresh.PurgeExpiredAsync(Now, ct);

        Assert.Equal([DedupeState.New], await fresh.BeginAsync([StoreTestData.Signal(channel, "old", Now)], ct));
        Assert.Equal([DedupeState.Unconfirmed], await fresh.BeginAsync([StoreTestData.Signal(channel, "fresh", Now)], ct));
    }
}
