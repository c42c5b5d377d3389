using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Simulation;

/// <summary>
/// Replays recorded signals through a rule set with the same decision pipeline the worker runs (priority order,
/// per-contact cooldowns, emotion, guardrails at planning), over in-memory ports: no store is read or written.
/// </summary>
public static class RuleSimulator
{
    public const string GuardrailsNote = "simulated in memory from the signals in the range (consent, contact window, caps, quiet hours, human precedence)";
    public const string EmotionNote = "recomputed in memory from the signals in the range, starting with no history";

    /// <param name="tenant">When given, only this tenant's signals and rules.</param>
    /// <param name="settings">Guardrails, channel platforms and emotion tuning; the defaults (Asia/Shanghai, 22:00-08:00...) when null.</param>
    /// <param name="progress">Told (signals decided, signals in all) about fifty times over the run, and at its end, so a long simulation can show it.</param>
    public static async Task<SimulationReport> RunAsync(
        SimulationRules rules,
        IEnumerable<ProcessedSignal> signals,
        string? tenant = null,
        DecisionSettings? settings = null,
        CancellationToken cancellationToken = default,
        Func<int, int, ValueTask>? progress = null)
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
        var clock = new ReplayClock();
        var ports = MemoryPorts.Create(ordered, clock);
        var pipeline = new DecisionPipeline(ports, settings ?? Defaults);
        var step = Math.Max(1, ordered.Count / 50);
        var decided = 0;
        foreach (var processed in ordered)
        {
            if (progress is not null && decided++ % step == 0)
            {
                await progress(decided - 1, ordered.Count);
            }

            clock.Now = ProcessedAt(processed);
            var decision = await pipeline.DecideAsync(processed.Signal, rules.Set, cancellationToken);
            foreach (var rule in decision.Rules)
            {
                var tally = tallies[rule.Rule];
                tally.Matched++;
                tally.CooledDown += rule.CooledDown ? 1 : 0;
                tally.Planned.AddRange(rule.Touchpoints);
            }
        }

        if (progress is not null)
        {
            await progress(ordered.Count, ordered.Count);
        }

        var bySignal = ordered.ToDictionary(s => s.Signal.Id, StringComparer.Ordinal);

        // Reported as they stand at the range's end: a person writing later in the range cancels or postpones them.
        foreach (var tally in tallies.Values)
        {
            foreach (var planned in tally.Planned)
            {
                var touchpoint = await ports.Touchpoints.GetAsync(planned.Tenant, planned.Id, cancellationToken) ?? planned;
                var cause = bySignal.GetValueOrDefault(touchpoint.SignalId);
                tally.Touchpoints.Add(new SimulatedTouchpoint(
                    touchpoint.Type, touchpoint.Channel, touchpoint.Contact, touchpoint.DueAt, touchpoint.SignalId, touchpoint.Status, touchpoint.Guardrail, touchpoint.StatusReason,
                    cause?.Signal.Text, cause?.Signal.OccurredAt));
                if (touchpoint.Status != TouchpointStatus.Planned && touchpoint.Guardrail is { } guardrail)
                {
                    tally.BlockedBy[guardrail] = tally.BlockedBy.GetValueOrDefault(guardrail) + 1;
                }
            }
        }

        return new SimulationReport(rules.Source, ordered.Count, GuardrailsNote, EmotionNote, Notes(rules), Results(rules, tallies, tenant));
    }

    /// <summary>When the worker decided the signal (its arrival when that was not recorded).</summary>
    public static DateTimeOffset ProcessedAt(ProcessedSignal processed)
    {
        ArgumentNullException.ThrowIfNull(processed);
        return processed.ProcessedAt == default ? processed.Signal.OccurredAt : processed.ProcessedAt;
    }

    private static DecisionSettings Defaults { get; } = new()
    {
        Guardrails = _ => new GuardrailOptions(),
        PlatformOf = _ => null,
        Emotion = new EmotionOptions(),
    };

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
            "Emotion and room data are recomputed from the signals in the range; a contact's history before it is not known.",
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

        public List<Touchpoint> Planned { get; } = [];

        public List<SimulatedTouchpoint> Touchpoints { get; } = [];

        public SortedDictionary<string, int> BlockedBy { get; } = new(StringComparer.Ordinal);
    }
}
