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
    public const string GuardrailsNote = "not configured in this build";
    public const string EmotionNote = "not simulated";

    /// <param name="tenant">When given, only this tenant's signals and rules.</param>
    public static SimulationReport Run(SimulationRules rules, IEnumerable<ProcessedSignal> signals, string? tenant = null)
    {
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

        foreach (var processed in ordered)
        {
            var signal = processed.Signal;
            var data = ConditionData.BuildLogicData(signal, processed.Analysis, null);
            var now = processed.ProcessedAt == default ? signal.OccurredAt : processed.ProcessedAt;
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

                tally.Touchpoints.AddRange(TouchpointPlanner.Plan(rule, signal, processed.Analysis, now)
                    .Select(t => new SimulatedTouchpoint(t.Type, t.Channel, t.Contact, t.DueAt, t.SignalId)));
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
                pair.Value.Matched, pair.Value.CooledDown, pair.Value.Touchpoints, [], []))
            .ToList();

        var broken = rules.Problems
            .Where(p => tenant is null || string.Equals(p.Tenant, tenant, StringComparison.Ordinal))
            .GroupBy(p => (p.Tenant, p.RuleId))
            .Select(group => new RuleSimulation(
                group.Key.Tenant, group.Key.RuleId, rules.Disabled.Contains(group.Key),
                0, 0, [], [], group.Select(p => p.Problem).ToList()));
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
            "Guardrails (quiet hours, caps, consent, platform policy) are not configured in this build, so blockedBy is empty.",
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
    }
}
