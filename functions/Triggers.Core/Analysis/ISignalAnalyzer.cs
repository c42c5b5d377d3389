using Triggers.Core.Signals;

namespace Triggers.Core.Analysis;

/// <summary>What a signal says (sentiment, topics): the first step of the decision pipeline.</summary>
public interface ISignalAnalyzer
{
    Task<TextAnalysis> AnalyzeAsync(Signal signal, CancellationToken cancellationToken);
}
