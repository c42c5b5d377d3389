using Triggers.Azure.Stores;
using Triggers.Core.Coins;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableCoinStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sixty_four_concurrent_withdrawals_on_azurite_apply_exactly_what_the_balance_covers_and_the_entries_agree()
    {
        var store = new TableCoinStore(await StoreTestData.TablesAsync(azurite));
        var tenant = azurite.UniqueName("cn");
        var ct = TestContext.Current.CancellationToken;
        // Four banks stand for four instances racing at the table (each only queues its own callers).
        var banks = Enumerable.Range(0, 4).Select(_ => new CoinBank(store, TimeProvider.System)).ToArray();
        await banks[0].ApplyAsync(tenant, "member:M/1", new CoinOperation("d1", CoinKinds.Deposit, 100, 0, "check-ins", "test"), ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            banks[i % 4].ApplyAsync(tenant, "member:M/1", new CoinOperation("redeem|" + i, CoinKinds.Withdrawal, -10, 0, "salon seat", "test"), ct)));
        var replay = await banks[1].ApplyAsync(tenant, "member:M/1", new CoinOperation("redeem|3", CoinKinds.Withdrawal, -10, 0, "salon seat", "test"), ct);

        Assert.Equal(10, results.Count(r => r.Applied));
        Assert.Equal(54, results.Count(r => r.Outcome == CoinOutcomes.InsufficientBalance));
        Assert.Equal(results[3], replay);
        var wallet = (await store.GetWalletAsync(tenant, "member:M/1", ct))!;
        var entries = await store.ListEntriesAsync(tenant, "member:M/1", ct);
        Assert.Equal(0, wallet.Coins);
        Assert.Equal(65, entries.Count);
        Assert.Empty(CoinAudit.Check(wallet, entries));
    }
}
