using Triggers.Core.Analysis;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Core.Simulation.Memory;

/// <summary>The analysis each replayed signal was recorded with: a simulation never analyses again.</summary>
internal sealed class RecordedAnalyses(IEnumerable<ProcessedSignal> signals) : ISignalAnalyzer
{
    private readonly Dictionary<string, TextAnalysis> _analyses = signals.ToDictionary(s => s.Signal.Id, s => s.Analysis, StringComparer.Ordinal);

    public Task<TextAnalysis> AnalyzeAsync(Signal signal, CancellationToken cancellationToken) =>
        Task.FromResult(_analyses[signal.Id]);
}
