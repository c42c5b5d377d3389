using Triggers.Hosting.ConfigTables;
using System.Collections.Frozen;
using Triggers.Core.Topics;

namespace Triggers.Hosting.Topics;

/// <summary>One load of table <c>Topics</c>, compiled per tenant. Immutable, swapped in whole.</summary>
public sealed class TopicSnapshot : IConfigTableSnapshot
{
    // The default lexicon holds no tenant, so one compiled copy serves every tenant without rows.
    private static readonly TopicLexicon Defaults = TopicLexicon.Compile(DefaultTopics.For("default"));

    private readonly FrozenDictionary<string, TopicLexicon> _byTenant;

    private TopicSnapshot(FrozenDictionary<string, TopicLexicon> byTenant, IReadOnlyList<TopicProblem> problems, int topicCount, DateTimeOffset loadedAt)
    {
        _byTenant = byTenant;
        Problems = problems;
        TopicCount = topicCount;
        LoadedAt = loadedAt;
    }

    internal static TopicSnapshot Initial { get; } = new(FrozenDictionary<string, TopicLexicon>.Empty, [], 0, DateTimeOffset.MinValue);

    /// <summary>Tenants with rows of their own (even if every row is disabled or broken).</summary>
    public IReadOnlyCollection<string> Tenants => _byTenant.Keys;

    /// <summary>Rows left out, each with what is wrong.</summary>
    public IReadOnlyList<TopicProblem> Problems { get; }

    /// <summary>Enabled, readable topics over all tenants with rows.</summary>
    public int TopicCount { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The tenant's own topics, or the defaults when it has no rows.</summary>
    public TopicLexicon For(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return _byTenant.TryGetValue(tenant, out var lexicon) ? lexicon : Defaults;
    }

    internal static TopicSnapshot Create(TopicSourceSnapshot loaded, DateTimeOffset loadedAt)
    {
        var byTenant = loaded.Definitions.ToLookup(d => d.Tenant, StringComparer.Ordinal);
        var lexicons = loaded.Tenants
            .Concat(byTenant.Select(g => g.Key))
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(tenant => tenant, tenant => TopicLexicon.Compile(byTenant[tenant]), StringComparer.Ordinal);
        return new TopicSnapshot(lexicons, loaded.Problems, loaded.Definitions.Count, loadedAt);
    }
}
