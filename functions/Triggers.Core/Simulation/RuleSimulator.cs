using Triggers.Core.Guardrails;
using Triggers.Core.JsonLogic;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Simulation;

/// <summary>
/// Replays recorded signals through a rule set as the processor would (priority order, per-contact cooldown),
/// entirely in memory: no store is read or written.
/// </summary>
public static class RuleSimulator
{
    public const string GuardrailsNote = "simulated in memory from the signals in the range (consent, contact window, caps, quiet hours, human precedence)";
    public const string EmotionNote = "not simulated";

    /// <param name="tenant">When given, only this tenant's signals and rules.</param>
    /// <param name="guardrails">Each tenant's guardrail settings; the defaults (Asia/Shanghai, 22:00-08:00...) when null.</param>
    public static SimulationReport Run(SimulationRules rules, IEnumerable<ProcessedSignal> signals, string? tenant = null, Func<string, GuardrailOptions>? guardrails = null)
    {
        var defaults = new GuardrailOptions();
        var policyFor = guardrails ?? (_ => defaults);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(signals);
        var ordered = signals
            .Where(s => tenant is null || string.Equals(s.Signal.Tenant, tenant, StringComparison.Ordinal))
            .DistinctBy(s => s.Signal.Id, StringComparer.Ordinal)
            .OrderBy(s => s.Signal.OccurredAt)
            .ThenBy(s => s.Signal.Id, StringComparer.Ordinal)
            .ToList();

        var tallies = rules.Set.Rules
            .Where(r => tenant is null || string.Equals(r.Tenant, tenant, StringComparison.Ordinal))
            .ToDictionary(r => r, _ => new Tally());
        var cooldowns = new Dictionary<(string Tenant, string Rule, string Contact), CooldownEntry>();
        var contacts = new SimulatedContacts();

        foreach (var processed in ordered)
        {
            var signal = processed.Signal;
            var data = ConditionData.BuildLogicData(signal, processed.Analysis, null);
            var now = processed.ProcessedAt == default ? signal.OccurredAt : processed.ProcessedAt;
            var policy = policyFor(signal.Tenant);
            contacts.Observe(signal, policy);
            foreach (var rule in rules.Set.ForTenant(signal.Tenant))
            {
                if (!rule.Matches(data))
                {
                    continue;
                }

                var tally = tallies[rule];
                tally.Matched++;
                if (!PassesCooldown(rule, signal.Actor.Id, signal.Id, signal.OccurredAt, cooldowns))
                {
                    tally.CooledDown++;
                    continue;
                }

                foreach (var planned in TouchpointPlanner.Plan(rule, signal, processed.Analysis, now))
                {
                    var action = rule.Actions[planned.ActionIndex];
                    var simulated = contacts.Decide(planned, policy, now);
                    tally.Touchpoints.Add(simulated);
                    if (simulated.Status != TouchpointStatus.Planned && simulated.Guardrail is { } guardrail)
                    {
                        tally.BlockedBy[guardrail] = tally.BlockedBy.GetValueOrDefault(guardrail) + 1;
                    }
                }
            }
        }

        return new SimulationReport(rules.Source, ordered.Count, GuardrailsNote, EmotionNote, Notes(rules), Results(rules, tallies, tenant));
    }

    private static bool PassesCooldown(
        CompiledRule rule, string contact, string signalId, DateTimeOffset occurredAt,
        Dictionary<(string, string, string), CooldownEntry> cooldowns)
    {
        if (string.IsNullOrEmpty(contact))
        {
            return true;
        }

        var key = (rule.Tenant, rule.Id, contact);
        var verdict = CooldownPolicy.Decide(rule.Cooldown, cooldowns.GetValueOrDefault(key), signalId, occurredAt);
        if (verdict == CooldownVerdict.FireAndRecord)
        {
            cooldowns[key] = new CooldownEntry(occurredAt, signalId);
        }

        return verdict != CooldownVerdict.Blocked;
    }

    private static List<RuleSimulation> Results(SimulationRules rules, Dictionary<CompiledRule, Tally> tallies, string? tenant)
    {
        var results = tallies
            .Select(pair => new RuleSimulation(
                pair.Key.Tenant, pair.Key.Id, rules.Disabled.Contains((pair.Key.Tenant, pair.Key.Id)),
                pair.Value.Matched, pair.Value.CooledDown, pair.Value.Touchpoints, pair.Value.BlockedBy, []))
            .ToList();

        var broken = rules.Problems
            .Where(p => tenant is null || string.Equals(p.Tenant, tenant, StringComparison.Ordinal))
            .GroupBy(p => (p.Tenant, p.RuleId))
            .Select(group => new RuleSimulation(
                group.Key.Tenant, group.Key.RuleId, rules.Disabled.Contains(group.Key),
                0, 0, [], new Dictionary<string, int>(), group.Select(p => p.Problem).ToList()));
        results.AddRange(broken);
        return results;
    }

    private static List<string> Notes(SimulationRules rules)
    {
        var notes = new List<string>
        {
            "Nothing was written: no touchpoint, cooldown or signal was stored.",
            "Cooldowns are simulated in memory from the first signal in the range; firings before the range are not known.",
            "Emotion and room data are not recomputed, so conditions on emotion.* or room.* see nothing.",
            "Guardrails are simulated from the signals in the range: consent, the contacts' last messages and the touches counted against caps start empty at the range's start.",
        };
        if (rules.Disabled.Count > 0)
        {
            notes.Add($"{rules.Disabled.Count} disabled rule(s) in the draft were simulated as if enabled (simulatedAsEnabled: true).");
        }

        return notes;
    }

    private sealed class Tally
    {
        public int Matched { get; set; }

        public int CooledDown { get; set; }

        public List<SimulatedTouchpoint> Touchpoints { get; } = [];

        public SortedDictionary<string, int> BlockedBy { get; } = new(StringComparer.Ordinal);
    }
}
