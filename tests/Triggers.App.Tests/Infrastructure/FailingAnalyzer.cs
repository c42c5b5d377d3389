using Triggers.Core.Analysis;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>An analyser outage: every call fails, so processing fails at its first step.
/// With <paramref name="only"/>, only texts that contain it fail and the others are read by the embedded analyser.</summary>
internal sealed class FailingAnalyzer(string? only = null) : ITextAnalyzer
{
    public const string Error = "analyser outage for the test";

    private readonly Triggers.Core.Analysis.Embedded.EmbeddedSentimentAnalyzer _embedded = new();

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken) =>
        only is null || text.Contains(only, StringComparison.Ordinal)
            ? throw new InvalidOperationException(Error)
            : _embedded.AnalyzeAsync(text, language, cancellationToken);
}
