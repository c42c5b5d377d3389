using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Emotion;

namespace Triggers.Azure.Stores;

/// <summary>
/// Emotion states in table <c>Emotions</c> (PartitionKey = <c>{tenant}|{contact}</c>, RowKey = topic) and their series
/// in <c>EmotionSeries</c> (PartitionKey = <c>{tenant}|{contact}|{topic}</c>, RowKey = newest-first time key + signal id).
/// Key parts are escaped (see <see cref="EscapeKey"/>) so any id is a valid key and the separators stay unambiguous.
/// </summary>
public sealed class TableEmotionStore(TableServiceClient tables, TimeSpan seriesRetention) : IEmotionStore
{
    private readonly TableClient _states = tables.GetTableClient(TableNames.Emotions);
    private readonly TableClient _series = tables.GetTableClient(TableNames.EmotionSeries);

    public async Task<IReadOnlyList<string>> ListTopicsAsync(string tenant, string contact, CancellationToken cancellationToken)
    {
        var partition = StatePartition(new EmotionKey(tenant, contact, string.Empty));
        var topics = new List<string>();
        await foreach (var e in _states.QueryAsync<TableEntity>(x => x.PartitionKey == partition, 1000, ["Topic"], cancellationToken))
        {
            topics.Add(e.GetString("Topic") ?? string.Empty);
        }

        return topics;
    }

    public async Task<StoredEmotionState?> GetAsync(EmotionKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = await _states.GetOrNullAsync(StatePartition(key), EscapeKey(key.Topic), null, cancellationToken);
        return entity is null ? null : new StoredEmotionState(StateFrom(entity), entity.ETag.ToString());
    }

    public async Task<bool> TrySaveAsync(EmotionKey key, EmotionState state, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        var entity = StateEntity(key, state);
        try
        {
            if (etag is null)
            {
                await _states.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _states.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed or StorageStatus.NotFound)
        {
            return false;
        }
    }

    public async Task AppendPointAsync(EmotionKey key, EmotionPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(point);
        var entity = new TableEntity(SeriesPartition(key), PointRow(point.At, point.SignalId))
        {
            ["At"] = point.At,
            ["SignalId"] = point.SignalId,
            ["Intensity"] = point.Intensity,
            ["PriorBaseline"] = point.PriorBaseline,
            ["Baseline"] = point.Baseline,
            ["Valence"] = point.Valence,
            ["IsPeak"] = point.IsPeak,
            ["ExpiresAt"] = point.At + seriesRetention,
        };
        await _series.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<EmotionPoint?> GetPointAsync(EmotionKey key, DateTimeOffset at, string signalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = await _series.GetOrNullAsync(SeriesPartition(key), PointRow(at, signalId), null, cancellationToken);
        return entity is null ? null : PointFrom(entity);
    }

    public async Task<IReadOnlyList<EmotionPoint>> ReadSeriesAsync(
        EmotionKey key, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var points = new List<EmotionPoint>();
        if (to < from)
        {
            return points;
        }

        // Newest first: 'to' has the smallest time key; '.' sorts right after the '-' that follows every time key.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SeriesPartition(key)} and RowKey ge {TimeKey(to)} and RowKey lt {TimeKey(from) + "."}");
        await foreach (var entity in _series.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), null, cancellationToken))
        {
            points.Add(PointFrom(entity));
            if (points.Count >= limit)
            {
                break;
            }
        }

        return points;
    }

    /// <summary>Deletes series points past <see cref="EmotionOptions.SeriesRetention"/>; states are kept.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        PurgeExpiredAsync(_series, now, cancellationToken);

    /// <summary>Makes any text a valid key part; see <see cref="KeyParts.Escape"/>.</summary>
    public static string EscapeKey(string part) => KeyParts.Escape(part);

    internal static Task<int> PurgeExpiredAsync(TableClient table, DateTimeOffset now, CancellationToken cancellationToken) =>
        TablePurge.DeleteMatchingAsync(table, TableClient.CreateQueryFilter($"ExpiresAt lt {now}"), cancellationToken);

    private static string StatePartition(EmotionKey key) => $"{EscapeKey(key.Tenant)}|{EscapeKey(key.Contact)}";

    private static string SeriesPartition(EmotionKey key) => $"{StatePartition(key)}|{EscapeKey(key.Topic)}";

    private static string TimeKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static string PointRow(DateTimeOffset at, string signalId) => RowKeys.NewestFirst(at, EscapeKey(signalId));

    private static TableEntity StateEntity(EmotionKey key, EmotionState s) => new(StatePartition(key), EscapeKey(key.Topic))
    {
        ["Tenant"] = key.Tenant,
        ["Contact"] = key.Contact,
        ["Topic"] = key.Topic,
        ["Baseline"] = s.Baseline,
        ["PriorBaseline"] = s.PriorBaseline,
        ["Intensity"] = s.Intensity,
        ["Valence"] = s.Valence,
        ["At"] = s.At,
        ["IsPeak"] = s.IsPeak,
        ["LastSignalId"] = s.LastSignalId,
        ["RecentSignalIds"] = string.Join(' ', s.RecentSignalIds.Select(EscapeSpace)),
        ["Count"] = s.Count,
    };

    private static EmotionState StateFrom(TableEntity e) => new(
        e.GetDouble("Baseline") ?? 0,
        e.GetDouble("PriorBaseline") ?? 0,
        e.GetDouble("Intensity") ?? 0,
        e.GetDouble("Valence") ?? 0,
        e.GetDateTimeOffset("At") ?? default,
        e.GetBoolean("IsPeak") ?? false,
        e.GetString("LastSignalId") ?? string.Empty,
        e.GetInt64("Count") ?? 0)
    {
        RecentSignalIds = [.. (e.GetString("RecentSignalIds") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => Uri.UnescapeDataString(id))],
    };

    // Signal ids are hex hashes; escaping keeps the space-separated list exact for any other id.
    private static string EscapeSpace(string id) => id.Contains(' ', StringComparison.Ordinal) || id.Contains('%', StringComparison.Ordinal)
        ? Uri.EscapeDataString(id)
        : id;

    private static EmotionPoint PointFrom(TableEntity e) => new(
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("SignalId") ?? string.Empty,
        e.GetDouble("Intensity") ?? 0,
        e.GetDouble("PriorBaseline") ?? 0,
        e.GetDouble("Baseline") ?? 0,
        e.GetDouble("Valence") ?? 0,
        e.GetBoolean("IsPeak") ?? false);
}
