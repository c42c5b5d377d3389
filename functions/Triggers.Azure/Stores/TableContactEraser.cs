using Azure;
using Azure.Data.Tables;
using Triggers.Core.Coins;
using Triggers.Core.Erasure;
using Triggers.Core.People;

namespace Triggers.Azure.Stores;

/// <summary>
/// Deletes what the data tables hold about accounts, for an erasure: their signals, contact states, send ledger,
/// touchpoints, hand-offs, cooldowns, emotion timeline, trust, journeys, links and wallets (the wallets' totals are returned for
/// the record first). Signals, touchpoints, hand-offs and cooldowns key on channels or rules, not on the contact, so
/// those are filtered scans (table Signals whole, the tenant's partitions of the others): fine for a rare request.
/// </summary>
/// <param name="channelsOf">
/// A tenant's configured channels on a platform (the hosts know them; null for the CLI). The channels where the
/// account's signals are found are added to them.
/// </param>
public sealed class TableContactEraser(TableServiceClient tables, Func<string, string, IReadOnlyList<string>>? channelsOf) : IContactDataEraser
{
    public async Task<ErasedRows> EraseAsync(string tenant, IReadOnlyList<AccountRef> accounts, IReadOnlyList<string> wallets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(wallets);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string table, int deleted) => rows[table] = rows.GetValueOrDefault(table) + deleted;

        foreach (var account in accounts)
        {
            var (channels, signals) = await SignalsAsync(tenant, account, cancellationToken);
            Count(TableNames.Signals, signals);
            foreach (var channel in channels)
            {
                Count(TableNames.ContactStates, await DeleteAsync(TableNames.ContactStates, TableContactStateStore.PartitionKey(tenant, channel), KeyParts.Escape(account.Id), cancellationToken));
                Count(TableNames.SendLedger, await DeletePartitionAsync(TableNames.SendLedger, TableSendLedger.PartitionKey(tenant, channel, account.Id), cancellationToken));
                var mine = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and Channel eq {channel} and Contact eq {account.Id}");
                Count(TableNames.Touchpoints, await TablePurge.DeleteMatchingAsync(Table(TableNames.Touchpoints), mine, cancellationToken));
                Count(TableNames.Handoffs, await TablePurge.DeleteMatchingAsync(Table(TableNames.Handoffs), mine, cancellationToken));
            }

            var cooldowns = TableClient.CreateQueryFilter($"PartitionKey ge {tenant + "|"} and PartitionKey lt {tenant + "}"} and RowKey eq {TableCooldownStore.RowKey(account.Id)}");
            Count(TableNames.Cooldowns, await TablePurge.DeleteMatchingAsync(Table(TableNames.Cooldowns), cooldowns, cancellationToken));
            Count(TableNames.Emotions, await EmotionAsync(tenant, account.Id, cancellationToken));
            Count(TableNames.Trust, await DeletePartitionAsync(TableNames.Trust, KeyParts.Join(tenant, account.ToString()), cancellationToken));
            Count(TableNames.People, await DeleteAsync(TableNames.People, KeyParts.Escape(tenant), TablePeopleStore.LinkKey(account), cancellationToken));
            var (from, to) = TablePeopleStore.UnlinkRange(account);
            var unlinks = TableClient.CreateQueryFilter($"PartitionKey eq {KeyParts.Escape(tenant)} and RowKey ge {from} and RowKey lt {to}");
            Count(TableNames.People, await TablePurge.DeleteMatchingAsync(Table(TableNames.People), unlinks, cancellationToken));
        }

        var ledger = LedgerTotals.None;
        foreach (var wallet in wallets)
        {
            var (totals, deleted) = await WalletAsync(tenant, wallet, cancellationToken);
            ledger = ledger.Plus(totals);
            Count(TableNames.Coins, deleted);
            Count(TableNames.Journeys, await DeleteAsync(TableNames.Journeys, KeyParts.Escape(tenant), KeyParts.Escape(wallet), cancellationToken));
            if (!accounts.Any(a => a.ToString() == wallet))
            {
                Count(TableNames.People, await DeleteAsync(TableNames.People, KeyParts.Escape(tenant), TablePeopleStore.PersonKey(wallet), cancellationToken));
            }
        }

        return new ErasedRows(rows, ledger);
    }

    private TableClient Table(string name) => tables.GetTableClient(name);

    /// <summary>The account's signals deleted, and the channels it has on its platform (configured, or found among its signals).</summary>
    private async Task<(IReadOnlyList<string> Channels, int Deleted)> SignalsAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        var table = Table(TableNames.Signals);
        // The whole table is scanned for the account, not only its platform's configured channels: a relay channel
        // (generic) may carry its signals, and the channels found there are erased too.
        var channels = new HashSet<string>(channelsOf?.Invoke(tenant, account.Platform) ?? [], StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"Tenant eq {tenant} and Platform eq {account.Platform} and ActorId eq {account.Id}");
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            channels.Add(row.PartitionKey);
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return ([.. channels], deleted);
    }

    /// <summary>The contact's emotion states (one per topic) and each topic's series.</summary>
    private async Task<int> EmotionAsync(string tenant, string contact, CancellationToken cancellationToken)
    {
        var states = Table(TableNames.Emotions);
        var partition = $"{KeyParts.Escape(tenant)}|{KeyParts.Escape(contact)}";
        var deleted = 0;
        await foreach (var row in states.QueryAsync<TableEntity>(e => e.PartitionKey == partition, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            deleted += await DeletePartitionAsync(TableNames.EmotionSeries, $"{partition}|{row.RowKey}", cancellationToken);
            await states.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>The wallet's totals for the record, then its balances, entries and idempotency keys deleted.</summary>
    private async Task<(LedgerTotals Totals, int Deleted)> WalletAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        var store = new TableCoinStore(tables);
        var entries = await store.ListEntriesAsync(tenant, wallet, cancellationToken);
        var balances = await store.GetWalletAsync(tenant, wallet, cancellationToken);
        var applied = entries.Where(e => e.Applied).ToList();
        var totals = new LedgerTotals(
            applied.Where(e => e.Kind is CoinKinds.Deposit or CoinKinds.Refund).Sum(e => e.Coins),
            -applied.Where(e => e.Kind == CoinKinds.Withdrawal).Sum(e => e.Coins),
            balances?.Coins ?? 0,
            balances?.Xp ?? 0);
        var deleted = await DeletePartitionAsync(TableNames.Coins, TableCoinStore.PartitionKey(tenant, wallet), cancellationToken);
        // An idempotency key of an erased person is kept only as a hash, so it can be neither answered again nor reused
        // (a redemption's unit of stock is never handed out twice under it), and its text, maybe built from ids, goes.
        var coins = Table(TableNames.Coins);
        var keys = TableClient.CreateQueryFilter($"PartitionKey eq {TableCoinStore.KeysPartitionOf(tenant)} and Wallet eq {wallet}");
        await foreach (var key in coins.QueryAsync<TableEntity>(keys, 1000, null, cancellationToken))
        {
            await coins.UpsertEntityAsync(
                new TableEntity(key.PartitionKey, TableCoinStore.ErasedKeyRow(tenant, key.GetString("Key") ?? string.Empty)) { ["Kind"] = key.GetString("Kind") }, TableUpdateMode.Replace, cancellationToken);
            await coins.DeleteEntityAsync(key.PartitionKey, key.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return (totals, deleted);
    }

    private async Task<int> DeleteAsync(string tableName, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table(tableName).DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            return response.Status == StorageStatus.NotFound ? 0 : 1;
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.NotFound)
        {
            return 0;
        }
    }

    private Task<int> DeletePartitionAsync(string tableName, string partition, CancellationToken cancellationToken) =>
        TablePurge.DeleteMatchingAsync(Table(tableName), TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);
}
