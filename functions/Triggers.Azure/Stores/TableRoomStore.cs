using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Emotion;

namespace Triggers.Azure.Stores;

/// <summary>
/// Live-room window aggregates in table <c>RoomMinutes</c>: PartitionKey = <c>{tenant}|{channel}|{roomId}</c>,
/// RowKey = <c>{yyyyMMddHHmm}|{topic}</c> for an aggregate and <c>{yyyyMMddHHmm}-{signalId}</c> for the marker
/// that a signal was counted. The marker insert and the aggregate updates go in one entity group transaction
/// (they share the partition), so a signal is counted exactly once even if a worker dies half-way.
/// </summary>
public sealed class TableRoomStore(TableServiceClient tables, TimeSpan retention) : IRoomStore
{
    /// <summary>Optimistic-concurrency attempts before giving up (the queue then redelivers the signal).</summary>
    public const int MaxAttempts = 16;

    // A transaction holds at most 100 operations: the marker and 99 aggregates ("all" among them).
    private const int MaxContributions = 99;

    private readonly TableClient _table = tables.GetTableClient(TableNames.RoomMinutes);

    public async Task<RoomMinute> AddAsync(
        RoomKey room, DateTimeOffset windowStart, string signalId, IReadOnlyList<RoomContribution> contributions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentException.ThrowIfNullOrEmpty(signalId);
        ArgumentNullException.ThrowIfNull(contributions);
        var partition = Partition(room);
        var minute = MinuteKey(windowStart);
        var distinct = contributions.DistinctBy(c => c.Topic, StringComparer.Ordinal).Take(MaxContributions).ToList();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await ReadEntitiesAsync(partition, minute, cancellationToken);
            var actions = new List<TableTransactionAction>(distinct.Count + 1)
            {
                new(TableTransactionActionType.Add, new TableEntity(partition, MarkerRow(minute, signalId))
                {
                    ["SignalId"] = signalId,
                    ["ExpiresAt"] = windowStart + retention,
                }),
            };
            var after = current.ToDictionary(e => e.Key, e => e.Value.Aggregate, StringComparer.Ordinal);
            foreach (var contribution in distinct)
            {
                var found = current.TryGetValue(contribution.Topic, out var existing);
                var next = (found ? existing.Aggregate : RoomAggregate.Empty(contribution.Topic)).Add(contribution);
                after[contribution.Topic] = next;
                var entity = AggregateEntity(partition, minute, next, windowStart);
                actions.Add(found
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, existing.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return new RoomMinute(room, windowStart, after);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed)
            {
                if (ex.FailedTransactionActionIndex == 0
                    || (ex.FailedTransactionActionIndex is null && await _table.GetOrNullAsync(partition, MarkerRow(minute, signalId), ["SignalId"], cancellationToken) is not null))
                {
                    return await ReadAsync(room, windowStart, cancellationToken);
                }

                // Another signal of the same window won the race for an aggregate: read again and retry.
            }
        }

        throw new InvalidOperationException(
            $"The aggregates of room '{room.RoomId}' at {minute} changed under us {MaxAttempts} times; giving up so the signal is retried.");
    }

    public async Task<RoomMinute> ReadAsync(RoomKey room, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        var current = await ReadEntitiesAsync(Partition(room), MinuteKey(windowStart), cancellationToken);
        return new RoomMinute(room, windowStart, current.ToDictionary(e => e.Key, e => e.Value.Aggregate, StringComparer.Ordinal));
    }

    /// <summary>Deletes aggregates and markers past the retention.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        TableEmotionStore.PurgeExpiredAsync(_table, now, cancellationToken);

    private async Task<Dictionary<string, (RoomAggregate Aggregate, ETag ETag)>> ReadEntitiesAsync(
        string partition, string minute, CancellationToken cancellationToken)
    {
        // Aggregates only: '}' sorts right after the '|' that follows the minute; markers use '-'.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {minute + "|"} and RowKey lt {minute + "}"}");
        var found = new Dictionary<string, (RoomAggregate, ETag)>(StringComparer.Ordinal);
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, 1000, null, cancellationToken))
        {
            var topic = e.GetString("Topic") ?? string.Empty;
            found[topic] = (new RoomAggregate(
                topic,
                e.GetInt64("Count") ?? 0,
                e.GetInt64("Positive") ?? 0,
                e.GetInt64("Negative") ?? 0,
                e.GetInt64("Neutral") ?? 0,
                e.GetDouble("PositiveSum") ?? 0,
                e.GetDouble("NegativeSum") ?? 0), e.ETag);
        }

        return found;
    }

    private TableEntity AggregateEntity(string partition, string minute, RoomAggregate a, DateTimeOffset windowStart) =>
        new(partition, $"{minute}|{TableEmotionStore.EscapeKey(a.Topic)}")
        {
            ["Topic"] = a.Topic,
            ["WindowStart"] = windowStart,
            ["Count"] = a.Count,
            ["Positive"] = a.Positive,
            ["Negative"] = a.Negative,
            ["Neutral"] = a.Neutral,
            ["PositiveSum"] = a.PositiveSum,
            ["NegativeSum"] = a.NegativeSum,
            ["ExpiresAt"] = windowStart + retention,
        };

    private static string Partition(RoomKey room) =>
        $"{TableEmotionStore.EscapeKey(room.Tenant)}|{TableEmotionStore.EscapeKey(room.Channel)}|{TableEmotionStore.EscapeKey(room.RoomId)}";

    private static string MarkerRow(string minute, string signalId) => $"{minute}-{TableEmotionStore.EscapeKey(signalId)}";

    private static string MinuteKey(DateTimeOffset windowStart) =>
        windowStart.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
