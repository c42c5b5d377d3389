using Triggers.Core.Rules;

namespace Triggers.Core.Processing;

/// <summary>Every superseded version of every rule (table <c>RuleHistory</c>).</summary>
public interface IRuleHistoryStore
{
    /// <summary>Records each entry once: a version already recorded (by another instance or by the CLI) is left as it is.</summary>
    Task AddAsync(IEnumerable<HistoryEntry> entries, CancellationToken cancellationToken);

    /// <summary>A rule's superseded versions, newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> ListAsync(string tenant, string ruleId, int limit, CancellationToken cancellationToken);
}
