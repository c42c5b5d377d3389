using Triggers.Core.Analysis;

namespace Triggers.App.Tests.Infrastructure;

/// <summary>An analyser outage: every call fails, so processing fails at its first step.</summary>
internal sealed class FailingAnalyzer : ITextAnalyzer
{
    public const string Error = "analyser outage for the test";

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Error);
}
