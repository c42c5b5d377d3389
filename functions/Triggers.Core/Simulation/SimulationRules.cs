using Triggers.Core.Rules;

namespace Triggers.Core.Simulation;

/// <summary>
/// The rules a simulation runs: a compiled set, the problems of broken rules, and which rules were disabled in a
/// draft but compiled as enabled so staff can try them before turning them on.
/// </summary>
public sealed class SimulationRules
{
    private SimulationRules(RuleSet set, IReadOnlyList<RuleProblem> problems, IReadOnlySet<(string Tenant, string Id)> disabled, string source)
    {
        Set = set;
        Problems = problems;
        Disabled = disabled;
        Source = source;
    }

    public RuleSet Set { get; }

    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <summary>Rules whose Enabled is false in the draft; they are simulated as if enabled.</summary>
    public IReadOnlySet<(string Tenant, string Id)> Disabled { get; }

    /// <summary>"draft" or "live".</summary>
    public string Source { get; }

    /// <summary>A draft: every definition compiled as enabled, disabled ones remembered.</summary>
    /// <param name="readProblems">Problems found while reading the definitions (for example a bad line in a file).</param>
    public static SimulationRules Draft(
        IEnumerable<RuleDefinition> definitions,
        Func<string, bool>? isKnownChannel = null,
        IEnumerable<RuleProblem>? readProblems = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var all = definitions.ToList();
        var disabled = all.Where(d => !d.Enabled).Select(d => (d.Tenant, d.Id)).ToHashSet();
        var set = RuleSet.Compile(all.Select(d => d with { Enabled = true }), isKnownChannel);
        return new SimulationRules(set, [.. readProblems ?? [], .. set.Problems], disabled, "draft");
    }

    /// <summary>The live rules as the platform runs them: only enabled rules, with the problems it reports.</summary>
    public static SimulationRules Live(RuleSet set, IEnumerable<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(problems);
        return new SimulationRules(set, problems.ToList(), new HashSet<(string, string)>(), "live");
    }
}
