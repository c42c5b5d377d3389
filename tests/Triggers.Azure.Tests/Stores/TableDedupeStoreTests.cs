using Triggers.Azure.Stores;
using Triggers.Core.Processing;
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
        var signal = StoreTestData.Signal(azurite.UniqueName("ch"), "m1", Now);
        var ct = TestContext.Current.CancellationToken;

        var first = await store.BeginAsync(signal, ct);
        var beforeConfirm = await store.BeginAsync(signal, ct);
        await store.ConfirmAsync(signal, ct);
        var afterConfirm = await store.BeginAsync(signal, ct);

        Assert.Equal(DedupeState.New, first);
        Assert.Equal(DedupeState.Unconfirmed, beforeConfirm);
        Assert.Equal(DedupeState.Duplicate, afterConfirm);
    }

    [Fact]
    public async Task Purging_removes_only_markers_past_their_time_to_live()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var channel = azurite.UniqueName("ch");
        var ct = TestContext.Current.CancellationToken;
        var old = new TableDedupeStore(tables, new FakeTimeProvider(Now.AddDays(-2)), TimeSpan.FromDays(1));
        var fresh = new TableDedupeStore(tables, new FakeTimeProvider(Now), TimeSpan.FromDays(1));
        await old.BeginAsync(StoreTestData.Signal(channel, "old", Now), ct);
        await fresh.BeginAsync(StoreTestData.Signal(channel, "fresh", Now), ct);

        await fresh.PurgeExpiredAsync(Now, ct);

        Assert.Equal(DedupeState.New, await fresh.BeginAsync(StoreTestData.Signal(channel, "old", Now), ct));
        Assert.Equal(DedupeState.Unconfirmed, await fresh.BeginAsync(StoreTestData.Signal(channel, "fresh", Now), ct));
    }

}
