using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Trust;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Trust</c>: one partition per account, PartitionKey <c>{tenant}|{platform}:{id}</c> (escaped). RowKey
/// <c>state</c> holds <c>Points</c> (JSON: points per component, decayed to <c>UpdatedAt</c>) and <c>FirstSeen</c>;
/// RowKey <c>e|{entry id}</c> each scored signal or contribution, written with the state in one entity-group transaction.
/// </summary>
public sealed class TableTrustStore(TableServiceClient tables) : ITrustStore
{
    private const string StateRow = "state";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Trust);

    public async Task<TrustState?> GetAsync(string tenant, string account, CancellationToken cancellationToken)
    {
        var e = await _table.GetOrNullAsync(KeyParts.Join(tenant, account), StateRow, null, cancellationToken);
        return e is null ? null : new TrustState(
            tenant,
            account,
            JsonSerializer.Deserialize<Dictionary<string, double>>(e.GetString("Points") ?? "{}") ?? [],
            e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            e.GetDateTimeOffset("FirstSeen") ?? DateTimeOffset.MinValue,
            e.ETag.ToString());
    }

    public async Task<bool> HasEntryAsync(string tenant, string account, string entryId, CancellationToken cancellationToken) =>
        await _table.GetOrNullAsync(KeyParts.Join(tenant, account), EntryKey(entryId), ["PartitionKey"], cancellationToken) is not null;

    public async Task<bool> TryApplyAsync(TrustEntry entry, TrustState next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(next);
        var partition = KeyParts.Join(next.Tenant, next.Account);
        var state = new TableEntity(partition, StateRow)
        {
            ["Tenant"] = next.Tenant, ["Account"] = next.Account, ["Points"] = JsonSerializer.Serialize(next.Points), ["UpdatedAt"] = next.UpdatedAt, ["FirstSeen"] = next.FirstSeen,
        };
        var row = new TableEntity(partition, EntryKey(entry.Id))
        {
            ["Id"] = entry.Id, ["Points"] = JsonSerializer.Serialize(entry.Points), ["Reason"] = entry.Reason, ["At"] = entry.At,
        };
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                next.Version is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, state)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, new ETag(next.Version)),
            ], cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    private static string EntryKey(string id) => "e|" + KeyParts.Escape(id);
}
