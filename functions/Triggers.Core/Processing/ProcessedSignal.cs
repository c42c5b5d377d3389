using Triggers.Core.Analysis;
using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>A signal after analysis and decision, as listed by the admin API and replayed by the simulator.</summary>
public sealed record ProcessedSignal(Signal Signal, TextAnalysis Analysis, DateTimeOffset ProcessedAt)
{
    /// <summary>
    /// True once the decision pipeline has recorded every touchpoint it planned for the signal: the worker then neither
    /// analyses nor decides it again (a passive reply decides in the webhook, before the worker sees the signal).
    /// </summary>
    public bool Decided { get; init; }

    /// <summary>True when the decision recorded its touchpoints' events without publishing them (the webhook's passive path).</summary>
    public bool EventsLeftPending { get; init; }

    /// <summary>The touchpoints the decision recorded, in rule priority order.</summary>
    public IReadOnlyList<string> TouchpointIds { get; init; } = [];
}
