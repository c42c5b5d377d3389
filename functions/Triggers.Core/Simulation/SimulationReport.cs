namespace Triggers.Core.Simulation;

/// <summary>What a rule set would have done with recorded signals. Nothing was written to produce it.</summary>
/// <param name="Rules">"draft" or "live".</param>
/// <param name="Guardrails">Guardrails (quiet hours, caps, consent, platform policy) are not part of this build yet.</param>
/// <param name="Emotion">Emotion and room data are not recomputed, so conditions on them see nothing.</param>
public sealed record SimulationReport(
    string Rules,
    int Signals,
    string Guardrails,
    string Emotion,
    IReadOnlyList<string> Notes,
    IReadOnlyList<RuleSimulation> Results);

/// <summary>One rule's outcome.</summary>
/// <param name="SimulatedAsEnabled">True when the rule is disabled in the draft and was run as if enabled.</param>
/// <param name="Matched">Signals whose condition data the rule matched (before its cooldown).</param>
/// <param name="CooledDown">Matched signals the rule's cooldown kept quiet for their contact.</param>
/// <param name="BlockedBy">Guardrails that would have stopped touchpoints; empty until guardrails exist.</param>
/// <param name="Problems">Why the rule is broken; a broken rule matches nothing.</param>
public sealed record RuleSimulation(
    string Tenant,
    string Id,
    bool SimulatedAsEnabled,
    int Matched,
    int CooledDown,
    IReadOnlyList<SimulatedTouchpoint> Touchpoints,
    IReadOnlyList<string> BlockedBy,
    IReadOnlyList<string> Problems);

/// <summary>A touchpoint that would have been planned.</summary>
public sealed record SimulatedTouchpoint(string Type, string Channel, string Contact, DateTimeOffset DueAt, string SignalId);
