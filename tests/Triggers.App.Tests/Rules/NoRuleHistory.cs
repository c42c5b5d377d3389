using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.App.Tests.Rules;

/// <summary>A history store that keeps what it is given in memory, for RuleCache tests without storage.</summary>
internal sealed class NoRuleHistory : IRuleHistoryStore
{
    public List<HistoryEntry> Added { get; } = [];

    public Task AddAsync(IEnumerable<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        Added.AddRange(entries);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HistoryEntry>> ListAsync(string tenant, string ruleId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>(Added.Where(e => e.Tenant == tenant && e.RuleId == ruleId).Take(limit).ToList());
}
