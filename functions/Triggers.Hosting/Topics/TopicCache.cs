using Microsoft.Extensions.Options;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Processing;
using Triggers.Core.Topics;

namespace Triggers.Hosting.Topics;

/// <summary>
/// Every tenant's compiled topic lexicon from table <c>Topics</c>, re-read when older than
/// Processing:RulesRefreshInterval (edits apply within 15 s, as for rules). A tenant with no rows gets
/// <see cref="DefaultTopics"/>. A broken row is reported once per distinct problem and left out; if a refresh
/// fails the last good lexicons stay in use.
/// </summary>
public sealed partial class TopicCache(
    ITopicSource source,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<TopicCache> logger) : IConfigTableCache
{
    public string TableName => "Topics";

    Task IConfigTableCache.RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TopicSnapshot? _snapshot;

    /// <summary>The last load, or null before the first.</summary>
    public TopicSnapshot? Current => _snapshot;

    /// <summary>The tenant's lexicon as last loaded, without I/O; the defaults until the first load.</summary>
    public TopicLexicon For(string tenant) => (_snapshot ?? TopicSnapshot.Initial).For(tenant);

    /// <summary>The tenant's lexicon, reading the table first when the cached one is stale.</summary>
    public async ValueTask<TopicLexicon> ForAsync(string tenant, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt >= options.Value.RulesRefreshInterval)
        {
            snapshot = await RefreshAsync(cancellationToken);
        }

        return snapshot.For(tenant);
    }

    /// <summary>Reads the table now. Throws only if nothing was ever loaded.</summary>
    public async Task<TopicSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var loaded = await source.LoadAsync(cancellationToken);
            var previous = _snapshot;
            foreach (var problem in loaded.Problems.Where(p => previous is null || !previous.Problems.Contains(p)))
            {
                Log.BrokenTopic(logger, problem.Tenant, problem.Topic, problem.Problem);
            }

            var snapshot = TopicSnapshot.Create(loaded, time.GetUtcNow());
            if (previous is null || previous.TopicCount != snapshot.TopicCount || previous.Problems.Count != snapshot.Problems.Count)
            {
                Log.Loaded(logger, snapshot.TopicCount, snapshot.Tenants.Count, snapshot.Problems.Count);
            }

            _snapshot = snapshot;
            return snapshot;
        }
        catch (Exception ex) when (_snapshot is not null && !cancellationToken.IsCancellationRequested)
        {
            Log.RefreshFailed(logger, ex.Message);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Topic {Topic} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenTopic(ILogger logger, string tenant, string topic, string problem);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Topics loaded: {Count} topics for {Tenants} tenants with their own rows, {Problems} broken")]
        public static partial void Loaded(ILogger logger, int count, int tenants, int problems);

        [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Reading table Topics failed; keeping the last loaded topics: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
