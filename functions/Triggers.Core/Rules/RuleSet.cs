using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Triggers.Core.Rules;

/// <summary>
/// Every tenant's rules, compiled. A broken rule is left out and explained in <see cref="Problems"/>;
/// the other rules keep working. Immutable, so a new set can be swapped in whole when the table changes.
/// </summary>
public sealed class RuleSet
{
    private readonly FrozenDictionary<string, CompiledRule[]> _byTenant;
    private readonly ConcurrentDictionary<(string, string), bool> _mentions = new();

    private RuleSet(IReadOnlyList<CompiledRule> rules, IReadOnlyList<RuleProblem> problems)
    {
        Rules = rules;
        Problems = problems;
        _byTenant = rules
            .GroupBy(rule => rule.Tenant, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
    }

    public static RuleSet Empty { get; } = new([], []);

    /// <summary>Enabled, valid rules: highest priority first, then by id (ordinal), then by tenant.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Enabled rules that could not be compiled, each problem on its own, in the order the rules came.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <param name="isKnownChannel">When given, an action naming a channel it rejects is a problem.</param>
    public static RuleSet Compile(IEnumerable<RuleDefinition> definitions, Func<string, bool>? isKnownChannel = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var rules = new List<CompiledRule>();
        var problems = new List<RuleProblem>();
        var seen = new HashSet<(string Tenant, string Id)>();
        var messages = new List<string>();

        foreach (var definition in definitions.Where(d => d.Enabled))
        {
            messages.Clear();
            if (!seen.Add((definition.Tenant, definition.Id)))
            {
                messages.Add($"rule \"{definition.Id}\" appears more than once for tenant \"{definition.Tenant}\": rule ids must be unique per tenant, so this copy is ignored; rename or remove it");
            }

            var rule = RuleCompiler.Compile(definition, isKnownChannel, messages);
            if (rule is not null && messages.Count == 0)
            {
                rules.Add(rule);
            }

            problems.AddRange(messages.Select(message => new RuleProblem(definition.Tenant, definition.Id, message)));
        }

        var ordered = rules
            .OrderByDescending(rule => rule.Priority)
            .ThenBy(rule => rule.Id, StringComparer.Ordinal)
            .ThenBy(rule => rule.Tenant, StringComparer.Ordinal)
            .ToArray();
        return new RuleSet(ordered, problems.ToArray());
    }

    /// <summary>
    /// Whether any of the tenant's rules names <paramref name="fragment"/> in its condition (a path such as
    /// <c>contact.coins</c>), so data that costs a read is read only for tenants whose rules use it.
    /// </summary>
    public bool Mentions(string tenant, string fragment) =>
        _mentions.GetOrAdd((tenant, fragment), key => ForTenant(key.Item1).Any(rule => rule.When.Contains(key.Item2, StringComparison.Ordinal)));

    /// <summary>The tenant's rules in evaluation order; empty for a tenant without rules.</summary>
    public IReadOnlyList<CompiledRule> ForTenant(string tenant) =>
        _byTenant.TryGetValue(tenant, out var rules) ? rules : [];
}
