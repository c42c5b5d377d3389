using Azure.Data.Tables;
using Triggers.Azure.Stores;
using Triggers.Core.Coins;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Stores;

public sealed class TableRewardStockStoreTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sixty_four_concurrent_redemptions_on_azurite_with_injected_etag_conflicts_spend_exactly_ten_and_keep_stock_and_ledger_true()
    {
        var tables = await StoreTestData.TablesAsync(azurite);
        var tenant = azurite.UniqueName("rs");
        var reward = new Reward { Tenant = tenant, Id = "salon/seat", Cost = 100, Stock = 64 };
        // Every fourth write of a wallet or a stock count finds that someone else rewrote the row since it was read.
        var coins = new Interfering(new TableCoinStore(tables), tables.GetTableClient(TableNames.Coins), KeyParts.Join(tenant, "member:M1"), "wallet");
        var stock = new InterferingStock(new TableRewardStockStore(tables), tables.GetTableClient(TableNames.RewardStock), KeyParts.Join(tenant, reward.Id));
        var instances = Enumerable.Range(0, 4).Select(_ =>
        {
            var bank = new CoinBank(coins.Store, TimeProvider.System);
            return (Bank: bank, Redeemer: new RewardRedeemer(bank, new RewardStock(stock), TimeProvider.System));
        }).ToArray();
        await instances[0].Bank.ApplyAsync(tenant, "member:M1", new CoinOperation("d1", CoinKinds.Deposit, 1_075, 0, "check-ins", "test"), Ct);
        coins.Enabled = true;

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            instances[i % 4].Redeemer.RedeemAsync(tenant, "k" + i, "member:M1", reward.Id, reward, "test", Ct)));
        // A redelivery of each request, on another instance, answers the same and applies nothing.
        var again = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            instances[(i + 1) % 4].Redeemer.RedeemAsync(tenant, "k" + i, "member:M1", reward.Id, reward, "test", Ct)));

        Assert.Equal(10, results.Count(r => r.Applied));
        Assert.Equal(54, results.Count(r => r.Outcome == CoinOutcomes.InsufficientBalance));
        Assert.Equal(results.Select(r => r.Entry), again.Select(r => r.Entry));
        Assert.True(coins.Interfered > 0 && stock.Interfered > 0, $"interfered {coins.Interfered} wallet and {stock.Interfered} stock writes");
        var store = new TableCoinStore(tables);
        var wallet = (await store.GetWalletAsync(tenant, "member:M1", Ct))!;
        Assert.Equal(75, wallet.Coins);
        Assert.Empty(CoinAudit.Check(wallet, await store.ListEntriesAsync(tenant, "member:M1", Ct)));
        Assert.Equal(10, (await new TableRewardStockStore(tables).GetCountAsync(tenant, reward.Id, Ct)).Claimed);
    }

    /// <summary>Rewrites the row (unchanged) before every fourth guarded write, so that write meets a real ETag mismatch.</summary>
    private sealed class Interfering(ICoinStore inner, TableClient table, string partition, string row) : ICoinStore
    {
        private int _writes;
        private int _interfered;

        public bool Enabled { get; set; }

        public int Interfered => _interfered;

        public ICoinStore Store => this;

        public Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken) => inner.ClaimKeyAsync(tenant, claim, cancellationToken);

        public Task<CoinKeyClaim?> GetKeyAsync(string tenant, string key, CancellationToken cancellationToken) => inner.GetKeyAsync(tenant, key, cancellationToken);

        public Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken) => inner.GetWalletAsync(tenant, wallet, cancellationToken);

        public Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken) => inner.GetEntryAsync(tenant, wallet, entryId, cancellationToken);

        public Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken) => inner.ListEntriesAsync(tenant, wallet, cancellationToken);

        public async Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet next, CancellationToken cancellationToken)
        {
            if (Enabled && Interlocked.Increment(ref _writes) % 4 == 0)
            {
                await TouchAsync(table, partition, row, cancellationToken);
                Interlocked.Increment(ref _interfered);
            }

            return await inner.TryApplyAsync(tenant, wallet, entry, next, cancellationToken);
        }
    }

    private sealed class InterferingStock(IRewardStockStore inner, TableClient table, string partition) : IRewardStockStore
    {
        private int _writes;
        private int _interfered;

        public int Interfered => _interfered;

        public Task<StockCount> GetCountAsync(string tenant, string reward, CancellationToken cancellationToken) => inner.GetCountAsync(tenant, reward, cancellationToken);

        public Task<StockHold?> GetHoldAsync(string tenant, string reward, string hold, CancellationToken cancellationToken) => inner.GetHoldAsync(tenant, reward, hold, cancellationToken);

        public async Task<bool> TryHoldAsync(string tenant, string reward, string hold, StockCount next, CancellationToken cancellationToken)
        {
            if (next.Version is not null && Interlocked.Increment(ref _writes) % 4 == 0)
            {
                await TouchAsync(table, partition, "count", cancellationToken);
                Interlocked.Increment(ref _interfered);
            }

            return await inner.TryHoldAsync(tenant, reward, hold, next, cancellationToken);
        }

        public Task<bool> TryReleaseAsync(string tenant, string reward, StockHold hold, StockCount next, CancellationToken cancellationToken) =>
            inner.TryReleaseAsync(tenant, reward, hold, next, cancellationToken);
    }

    private static async Task TouchAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        // Guarded by its own read, so the rewrite never turns back a write that landed meanwhile (that write is a conflict already).
        var entity = (await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken)).Value;
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (global::Azure.RequestFailedException ex) when (ex.Status == 412)
        {
        }
    }
}
