namespace Triggers.Core.Simulation;

/// <summary>What a rule set would have done with recorded signals. Nothing was written to produce it.</summary>
/// <param name="Rules">"draft" or "live".</param>
/// <param name="Guardrails">How guardrails were applied (simulated in memory from the signals in the range).</param>
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
/// <param name="BlockedBy">For each guardrail that would have stopped touchpoints, how many it stopped.</param>
/// <param name="Problems">Why the rule is broken; a broken rule matches nothing.</param>
public sealed record RuleSimulation(
    string Tenant,
    string Id,
    bool SimulatedAsEnabled,
    int Matched,
    int CooledDown,
    IReadOnlyList<SimulatedTouchpoint> Touchpoints,
    IReadOnlyDictionary<string, int> BlockedBy,
    IReadOnlyList<string> Problems);

/// <summary>A touchpoint that would have been planned.</summary>
/// <param name="Status">planned, blocked or cancelled, as the guardrails at planning would have left it.</param>
/// <param name="Guardrail">The guardrail that blocked or deferred it (a deferred one stays planned, with the new due time).</param>
/// <param name="Reason">The guardrail's explanation, for people.</param>
/// <param name="SignalText">What the signal that set it off said, so staff see which signals a rule fires on.</param>
/// <param name="SignalAt">When that signal occurred.</param>
public sealed record SimulatedTouchpoint(
    string Type,
    string Channel,
    string Contact,
    DateTimeOffset DueAt,
    string SignalId,
    string Status = "planned",
    string? Guardrail = null,
    string? Reason = null,
    string? SignalText = null,
    DateTimeOffset? SignalAt = null);
