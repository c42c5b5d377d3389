using Azure;
using Azure.Data.Tables;
using Triggers.Core.Coins;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Coins</c>: one partition per wallet, PartitionKey <c>{tenant}|{wallet}</c> (parts escaped with
/// <see cref="KeyParts.Escape"/>), so an entry and the balances it leaves are one entity-group transaction. RowKey
/// <c>wallet</c> holds <c>Coins</c> and <c>Xp</c>; RowKey <c>e|{operation id}</c> holds each entry. Partition
/// <c>{tenant}|#keys</c> records what each idempotency key was first used for.
/// </summary>
public sealed class TableCoinStore(TableServiceClient tables) : ICoinStore
{
    private const string WalletRow = "wallet";
    private const string EntryPrefix = "e|";

    // Idempotency keys, one partition per tenant; wallet ids always hold a ':' ({platform}:{id}, member:…), so none is this one.
    private const string KeysPartition = "#keys";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Coins);

    public async Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var partition = KeyParts.Join(tenant, KeysPartition);
        if (await ErasedKeyAsync(tenant, claim.Key, cancellationToken) is { } erased)
        {
            return erased;
        }

        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, KeyParts.Escape(claim.Key))
            {
                ["Key"] = claim.Key, ["Wallet"] = claim.Wallet, ["Kind"] = claim.Kind, ["Coins"] = claim.Coins, ["Xp"] = claim.Xp, ["Reward"] = claim.Reward,
            }, cancellationToken);
            return claim;
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
        {
            return await GetKeyAsync(tenant, claim.Key, cancellationToken) ?? throw new InvalidOperationException($"idempotency key '{claim.Key}' is recorded but cannot be read back");
        }
    }

    public async Task<CoinKeyClaim?> GetKeyAsync(string tenant, string key, CancellationToken cancellationToken)
    {
        var first = await _table.GetOrNullAsync(KeyParts.Join(tenant, KeysPartition), KeyParts.Escape(key), null, cancellationToken);
        return first is null ? await ErasedKeyAsync(tenant, key, cancellationToken) : new CoinKeyClaim(
            key, first.GetString("Wallet") ?? string.Empty, first.GetString("Kind") ?? string.Empty, first.GetInt64("Coins") ?? 0, first.GetInt64("Xp") ?? 0, first.GetString("Reward"));
    }

    /// <summary>
    /// The key of an erased person, remembered only as a hash (RowKey <c>x|{hash}</c>) so it can be neither answered
    /// again nor reused, without keeping the key's text, which a caller may have built from the person's ids.
    /// </summary>
    private async Task<CoinKeyClaim?> ErasedKeyAsync(string tenant, string key, CancellationToken cancellationToken) =>
        await _table.GetOrNullAsync(KeyParts.Join(tenant, KeysPartition), ErasedKeyRow(tenant, key), ["Kind"], cancellationToken) is { } tombstone
            ? new CoinKeyClaim(key, string.Empty, tombstone.GetString("Kind") ?? string.Empty, 0, 0, null, Erased: true)
            : null;

    internal static string ErasedKeyRow(string tenant, string key) => "x|" + Core.Identity.StableId.From("erased-key", tenant, key);

    public async Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(PartitionKey(tenant, wallet), WalletRow, null, cancellationToken);
        return entity is null ? null : new Wallet(tenant, wallet, entity.GetInt64("Coins") ?? 0, entity.GetInt64("Xp") ?? 0, entity.ETag.ToString());
    }

    /// <summary>Every wallet stored (of one tenant, or all): for <c>coins audit</c>, which reads the whole table.</summary>
    public async IAsyncEnumerable<Wallet> ListWalletsAsync(string? tenant, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.RowKey == WalletRow, cancellationToken: cancellationToken))
        {
            var owner = entity.GetString("Tenant") ?? string.Empty;
            if (tenant is null || owner == tenant)
            {
                yield return new Wallet(owner, entity.GetString("Wallet") ?? string.Empty, entity.GetInt64("Coins") ?? 0, entity.GetInt64("Xp") ?? 0, entity.ETag.ToString());
            }
        }
    }

    public async Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync(PartitionKey(tenant, wallet), EntryKey(entryId), null, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        var partition = PartitionKey(tenant, wallet);
        var entries = new List<CoinEntry>();
        // Entry rows sort between "e|" and "e}" ('}' follows '|').
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(EntryPrefix) >= 0 && e.RowKey.CompareTo("e}") < 0, cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(entity));
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(next);
        var partition = PartitionKey(tenant, wallet);
        var row = ToEntity(partition, entry);
        try
        {
            var balances = new TableEntity(partition, WalletRow) { ["Tenant"] = tenant, ["Wallet"] = wallet, ["Coins"] = next.Coins, ["Xp"] = next.Xp };
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                next.Version is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, balances)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, balances, new ETag(next.Version)),
            ], cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    internal static string PartitionKey(string tenant, string wallet) => KeyParts.Join(tenant, wallet);

    internal static string KeysPartitionOf(string tenant) => KeyParts.Join(tenant, KeysPartition);

    private static string EntryKey(string id) => EntryPrefix + KeyParts.Escape(id);

    private static TableEntity ToEntity(string partition, CoinEntry e) => new(partition, EntryKey(e.Id))
    {
        ["Id"] = e.Id,
        ["Kind"] = e.Kind,
        ["Coins"] = e.Coins,
        ["Xp"] = e.Xp,
        ["Reason"] = e.Reason,
        ["By"] = e.By,
        ["At"] = e.At,
        ["Outcome"] = e.Outcome,
        ["CoinsAfter"] = e.CoinsAfter,
        ["XpAfter"] = e.XpAfter,
    };

    private static CoinEntry FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("Id") ?? string.Empty,
        Kind = e.GetString("Kind") ?? string.Empty,
        Coins = e.GetInt64("Coins") ?? 0,
        Xp = e.GetInt64("Xp") ?? 0,
        Reason = e.GetString("Reason"),
        By = e.GetString("By") ?? string.Empty,
        At = e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Outcome = e.GetString("Outcome") ?? string.Empty,
        CoinsAfter = e.GetInt64("CoinsAfter") ?? 0,
        XpAfter = e.GetInt64("XpAfter") ?? 0,
    };
}
