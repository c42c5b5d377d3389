using System.Text.Json;
using Azure.Data.Tables;
using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Azure.Stores;

/// <summary>
/// Processed signals in table <c>Signals</c>: PartitionKey = channel, RowKey = newest-first time key + id,
/// so listing a channel's latest signals is one ordered range read.
/// </summary>
public sealed class TableProcessedSignalStore(TableServiceClient tables) : IProcessedSignalStore
{
    // A table string holds at most 32K UTF-16 characters.
    private const int MaxRawChars = 30_000;

    // An entity-group transaction holds at most 100 entities and 4 MiB. A string is counted at 6 bytes a character (a
    // non-ASCII character is escaped as \uXXXX in the request), so a chunk stays under the limit whatever the text.
    private const int MaxTransactionActions = 100;
    private const long MaxTransactionBytes = 3_000_000;

    private readonly TableClient _table = tables.GetTableClient(TableNames.Signals);

    public async Task SaveAsync(ProcessedSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await _table.UpsertEntityAsync(ToEntity(signal), TableUpdateMode.Replace, cancellationToken);
    }

    /// <remarks>One entity-group transaction per channel (the partition) and chunk; the same signal twice is saved once.</remarks>
    public async Task SaveManyAsync(IReadOnlyCollection<ProcessedSignal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var partitions = signals
            .Select(ToEntity)
            .DistinctBy(e => (e.PartitionKey, e.RowKey))
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal);
        await Task.WhenAll(partitions.SelectMany(Chunks).Select(SaveChunkAsync));

        async Task SaveChunkAsync(List<TableEntity> chunk)
        {
            if (chunk.Count == 1)
            {
                await _table.UpsertEntityAsync(chunk[0], TableUpdateMode.Replace, cancellationToken);
                return;
            }

            await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    private static IEnumerable<List<TableEntity>> Chunks(IEnumerable<TableEntity> partition)
    {
        var chunk = new List<TableEntity>();
        long chars = 0;
        foreach (var entity in partition)
        {
            var size = entity.Sum(p => 6L * p.Key.Length + (p.Value is string text ? 6L * text.Length : 32));
            if (chunk.Count > 0 && (chunk.Count == MaxTransactionActions || chars + size > MaxTransactionBytes))
            {
                yield return chunk;
                (chunk, chars) = ([], 0);
            }

            chunk.Add(entity);
            chars += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public async Task<ProcessedSignal?> GetAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(signal.Channel, RowKeys.NewestFirst(signal.OccurredAt, signal.Id), cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public Task<IReadOnlyList<ProcessedSignal>> ListAsync(string channel, int limit, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {channel}"), limit, cancellationToken);

    /// <remarks>
    /// ActorId is a plain property, so the service walks the channel's partition newest first until it has
    /// <paramref name="limit"/> matches: cheap for an active contact, a scan of the whole channel for one with few signals.
    /// </remarks>
    public Task<IReadOnlyList<ProcessedSignal>> ListForContactAsync(string channel, string contact, int limit, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {channel} and ActorId eq {contact}"), limit, cancellationToken);

    private async Task<IReadOnlyList<ProcessedSignal>> ReadAsync(string filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var results = new List<ProcessedSignal>(Math.Min(limit, 1000));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), null, cancellationToken))
        {
            results.Add(FromEntity(entity));
            if (results.Count >= limit)
            {
                break;
            }
        }

        return results;
    }

    internal static TableEntity ToEntity(ProcessedSignal processed)
    {
        var s = processed.Signal;
        var a = processed.Analysis;
        var raw = s.Raw is { Length: > MaxRawChars } ? s.Raw[..MaxRawChars] : s.Raw;
        return new TableEntity(s.Channel, RowKeys.NewestFirst(s.OccurredAt, s.Id))
        {
            ["Id"] = s.Id,
            ["Platform"] = s.Platform,
            ["Tenant"] = s.Tenant,
            ["Kind"] = s.Kind,
            ["Type"] = s.Type,
            ["ActorId"] = s.Actor.Id,
            ["ActorName"] = s.Actor.Name,
            ["Text"] = s.Text,
            ["OccurredAt"] = s.OccurredAt,
            ["ReceivedAt"] = s.ReceivedAt,
            ["ProcessedAt"] = processed.ProcessedAt,
            ["DedupeKey"] = s.DedupeKey,
            ["Raw"] = raw,
            ["RawFormat"] = raw is not null && raw.Length < (s.Raw?.Length ?? 0) ? "truncated" : s.RawFormat,
            ["Attributes"] = JsonSerializer.Serialize(s.Attributes),
            ["SentimentLabel"] = a.Label,
            ["Positive"] = a.Scores.Positive,
            ["Neutral"] = a.Scores.Neutral,
            ["Negative"] = a.Scores.Negative,
            ["SentimentSource"] = a.Source,
            ["Topics"] = JsonSerializer.Serialize(a.Topics),
            ["Mentions"] = a.Mentions.Count == 0 ? null : JsonSerializer.Serialize(a.Mentions),
            ["Decided"] = processed.Decided,
            ["EventsLeftPending"] = processed.EventsLeftPending,
            ["TouchpointIds"] = processed.TouchpointIds.Count == 0 ? null : string.Join(' ', processed.TouchpointIds),
        };
    }

    internal static ProcessedSignal FromEntity(TableEntity e)
    {
        var signal = new Signal
        {
            Id = e.GetString("Id") ?? string.Empty,
            Channel = e.PartitionKey,
            Platform = e.GetString("Platform") ?? string.Empty,
            Tenant = e.GetString("Tenant") ?? string.Empty,
            Kind = e.GetString("Kind") ?? SignalKinds.Event,
            Type = e.GetString("Type"),
            Actor = new SignalActor(e.GetString("ActorId") ?? string.Empty, e.GetString("ActorName")),
            Text = e.GetString("Text"),
            OccurredAt = e.GetDateTimeOffset("OccurredAt") ?? default,
            ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
            DedupeKey = e.GetString("DedupeKey") ?? string.Empty,
            Raw = e.GetString("Raw"),
            RawFormat = e.GetString("RawFormat"),
            Attributes = Json<Dictionary<string, string>>(e.GetString("Attributes")) ?? [],
        };
        var analysis = new TextAnalysis(
            e.GetString("SentimentLabel") ?? "neutral",
            new SentimentScores(e.GetDouble("Positive") ?? 0, e.GetDouble("Neutral") ?? 1, e.GetDouble("Negative") ?? 0),
            Json<List<string>>(e.GetString("Topics")) ?? [],
            e.GetString("SentimentSource") ?? "unknown")
        {
            Mentions = Json<List<TopicMention>>(e.GetString("Mentions")) ?? [],
        };
        return new ProcessedSignal(signal, analysis, e.GetDateTimeOffset("ProcessedAt") ?? default)
        {
            Decided = e.GetBoolean("Decided") ?? false,
            EventsLeftPending = e.GetBoolean("EventsLeftPending") ?? false,
            TouchpointIds = e.GetString("TouchpointIds")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
    }

    private static T? Json<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json);
}
