using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Azure.Stores;

/// <summary>
/// Dedupe markers in table <c>Dedupe</c>: PartitionKey = <c>{channel}~{bucket}</c>, RowKey = signal id. The bucket
/// (one of <see cref="Buckets"/>, from a hash of the id) spreads one busy channel over several partitions, so a live room
/// never meets the per-partition limit, while a group commit still finds many markers sharing a partition and writes them
/// in one entity-group transaction.
/// </summary>
public sealed class TableDedupeStore(TableServiceClient tables, TimeProvider time, TimeSpan timeToLive) : IDedupeStore
{
    /// <summary>
    /// Partitions per channel. Four lift a channel's ceiling to about 8,000 markers a second (a partition serves about
    /// 2,000 entities a second) while a commit of a few dozen signals still fills each transaction; more would split
    /// commits into transactions of one or two. Changing it strands live markers, so it is fixed.
    /// </summary>
    public const int Buckets = 4;

    private const int MaxTransactionActions = 100;
    private const string Pending = "pending";
    private const string Enqueued = "enqueued";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Dedupe);

    /// <summary>The partition a signal's marker lives in.</summary>
    public static string PartitionKey(string channel, string signalId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(signalId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(signalId), hash);
        return $"{channel}~{hash[0] % Buckets}";
    }

    public async Task<IReadOnlyList<DedupeState>> BeginAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var states = new DedupeState[signals.Count];
        await Task.WhenAll(Partitions(signals).Select(p => BeginPartitionAsync(signals, p.Key, p.Indexes, states, cancellationToken)));
        return states;
    }

    public async Task ConfirmAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        await Task.WhenAll(Partitions(signals).SelectMany(p => p.Indexes.Chunk(MaxTransactionActions).Select(chunk => ConfirmChunkAsync(signals, p.Key, chunk, cancellationToken))));
    }

    private async Task ConfirmChunkAsync(IReadOnlyList<Signal> signals, string partition, int[] chunk, CancellationToken cancellationToken)
    {
        if (chunk.Length == 1)
        {
            await _table.UpsertEntityAsync(Marker(partition, signals[chunk[0]], Enqueued), TableUpdateMode.Merge, cancellationToken);
            return;
        }

        await _table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, Marker(partition, signals[i], Enqueued))), cancellationToken);
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

    /// <summary>Indexes of the signals, grouped by marker partition (each signal's key computed once).</summary>
    private static IEnumerable<(string Key, List<int> Indexes)> Partitions(IReadOnlyList<Signal> signals) =>
        Enumerable.Range(0, signals.Count).GroupBy(i => PartitionKey(signals[i].Channel, signals[i].Id), StringComparer.Ordinal).Select(g => (g.Key, g.ToList()));

    private async Task BeginPartitionAsync(IReadOnlyList<Signal> signals, string partition, List<int> indexes, DedupeState[] states, CancellationToken cancellationToken)
    {
        var seen = new List<int>();
        foreach (var chunk in indexes.Chunk(MaxTransactionActions))
        {
            var adding = chunk.ToList();
            while (adding.Count > 0)
            {
                var failed = await TryAddAsync(signals, partition, adding, cancellationToken);
                if (failed is null)
                {
                    foreach (var i in adding)
                    {
                        states[i] = DedupeState.New;
                    }

                    break;
                }

                // A transaction is all-or-nothing: the marker that exists is read below, the others are tried again.
                seen.Add(adding[failed.Value]);
                adding.RemoveAt(failed.Value);
            }
        }

        foreach (var i in seen)
        {
            var existing = await _table.GetOrNullAsync(partition, RowKey(signals[i]), ["State"], cancellationToken);
            states[i] = existing?.GetString("State") == Enqueued ? DedupeState.Duplicate : DedupeState.Unconfirmed;
        }
    }

    /// <summary>Adds the markers in one request; returns the position of the one that already existed, if any.</summary>
    private async Task<int?> TryAddAsync(IReadOnlyList<Signal> signals, string partition, List<int> adding, CancellationToken cancellationToken)
    {
        try
        {
            if (adding.Count == 1)
            {
                await _table.AddEntityAsync(Marker(partition, signals[adding[0]], Pending), cancellationToken);
            }
            else
            {
                await _table.SubmitTransactionAsync(adding.Select(i => new TableTransactionAction(TableTransactionActionType.Add, Marker(partition, signals[i], Pending))), cancellationToken);
            }

            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == StorageStatus.Conflict && ex.FailedTransactionActionIndex is { } index && index < adding.Count)
        {
            return index;
        }
        catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict && adding.Count == 1)
        {
            return 0;
        }
    }

    private static string RowKey(Signal signal) => KeyParts.Escape(signal.Id);

    private TableEntity Marker(string partition, Signal signal, string state) => new(partition, RowKey(signal))
    {
        ["State"] = state,
        ["DedupeKey"] = signal.DedupeKey,
        ["ExpiresAt"] = time.GetUtcNow() + timeToLive,
    };
}
