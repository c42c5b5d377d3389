using Azure;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Azure.Stores;

/// <summary>Dedupe markers in table <c>Dedupe</c>: PartitionKey = channel, RowKey = signal id.</summary>
public sealed class TableDedupeStore(TableServiceClient tables, TimeProvider time, TimeSpan timeToLive) : IDedupeStore
{
    private const string Pending = "pending";
    private const string Enqueued = "enqueued";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Dedupe);

    public async Task<DedupeState> BeginAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await _table.AddEntityAsync(Marker(signal, Pending), cancellationToken);
            return DedupeState.New;
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
        {
            var existing = await _table.GetOrNullAsync(signal.Channel, signal.Id, ["State"], cancellationToken);
            return existing?.GetString("State") == Enqueued ? DedupeState.Duplicate : DedupeState.Unconfirmed;
        }
    }

    public async Task ConfirmAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await _table.UpsertEntityAsync(Marker(signal, Enqueued), TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {now}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            try
            {
                await _table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                purged++;
            }
            catch (RequestFailedException ex) when (ex.Status is StorageStatus.NotFound or StorageStatus.PreconditionFailed)
            {
                // Another instance purged or renewed it first.
            }
        }

        return purged;
    }

    private TableEntity Marker(Signal signal, string state) => new(signal.Channel, signal.Id)
    {
        ["State"] = state,
        ["DedupeKey"] = signal.DedupeKey,
        ["ExpiresAt"] = time.GetUtcNow() + timeToLive,
    };
}
