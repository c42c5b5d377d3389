namespace Triggers.Core.Rules;

/// <summary>Compares two loads of table Rules and says which versions were superseded. No I/O.</summary>
public static class HistoryDetector
{
    /// <param name="previous">The rules as last loaded.</param>
    /// <param name="current">The rules as loaded now.</param>
    /// <param name="stillPresent">Rules present now but unreadable (so not in <paramref name="current"/>); not counted as removed.</param>
    public static IReadOnlyList<HistoryEntry> Changes(
        IEnumerable<RuleDefinition> previous,
        IEnumerable<RuleDefinition> current,
        IEnumerable<(string Tenant, string Id)> stillPresent,
        DateTimeOffset detectedAt)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(stillPresent);
        var now = new Dictionary<(string, string), RuleDefinition>();
        foreach (var definition in current)
        {
            now.TryAdd((definition.Tenant, definition.Id), definition);
        }

        var present = stillPresent.ToHashSet();
        var changes = new List<HistoryEntry>();
        foreach (var before in previous.DistinctBy(d => (d.Tenant, d.Id)))
        {
            if (now.TryGetValue((before.Tenant, before.Id), out var after))
            {
                if (!string.Equals(before.Version, after.Version, StringComparison.Ordinal))
                {
                    changes.Add(HistoryEntry.Of(before, after, detectedAt));
                }
            }
            else if (!present.Contains((before.Tenant, before.Id)))
            {
                changes.Add(HistoryEntry.Of(before, null, detectedAt));
            }
        }

        return changes;
    }
}
