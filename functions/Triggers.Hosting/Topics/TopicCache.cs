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
    ILogger<TopicCache> logger) : ConfigTableCache<TopicSnapshot>(options, time, logger)
{
    public override string TableName => "Topics";

    /// <summary>The tenant's lexicon as last loaded, without I/O; the defaults until the first load.</summary>
    public TopicLexicon For(string tenant) => (Current ?? TopicSnapshot.Initial).For(tenant);

    /// <summary>The tenant's lexicon, reading the table first when the cached one is stale.</summary>
    public async ValueTask<TopicLexicon> ForAsync(string tenant, CancellationToken cancellationToken) =>
        (await FreshAsync(cancellationToken)).For(tenant);

    protected override async Task<TopicSnapshot> LoadAsync(TopicSnapshot? previous, CancellationToken cancellationToken)
    {
        var loaded = await source.LoadAsync(cancellationToken);
        foreach (var problem in NewProblems(loaded.Problems, previous?.Problems))
        {
            Log.BrokenTopic(logger, problem.Tenant, problem.Topic, problem.Problem);
        }

        var snapshot = TopicSnapshot.Create(loaded, ReadStartedAt);
        if (previous is null || previous.TopicCount != snapshot.TopicCount || previous.Problems.Count != snapshot.Problems.Count)
        {
            Log.Loaded(logger, snapshot.TopicCount, snapshot.Tenants.Count, snapshot.Problems.Count);
        }

        return snapshot;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Topic {Topic} of tenant {Tenant} is broken and skipped: {Problem}")]
        public static partial void BrokenTopic(ILogger logger, string tenant, string topic, string problem);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Topics loaded: {Count} topics for {Tenants} tenants with their own rows, {Problems} broken")]
        public static partial void Loaded(ILogger logger, int count, int tenants, int problems);
    }
}
