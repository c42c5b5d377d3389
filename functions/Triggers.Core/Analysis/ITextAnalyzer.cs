namespace Triggers.Core.Analysis;

/// <summary>The sentiment/topic port. The embedded analyser and the Azure AI Language client both implement it.</summary>
public interface ITextAnalyzer
{
    ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken);
}
