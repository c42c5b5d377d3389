namespace Triggers.Core.Analysis;

/// <summary>
/// A stand-in until a learned model exists: counts a few obvious Chinese and English sentiment words, flipping
/// a word preceded by 不/没/not. It knows nothing of sarcasm, context or topics, and says so in <see cref="TextAnalysis.Source"/>.
/// </summary>
public sealed class PlaceholderAnalyzer : ITextAnalyzer
{
    public const string SourceName = "placeholder";

    public ValueTask<TextAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Analyze(text));
    }

    public static TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (positive, negative) = PlaceholderLexicon.Count(text);
        if (positive == 0 && negative == 0)
        {
            return TextAnalysis.Neutral(SourceName);
        }

        // Mixed evidence cancels into neutral; the 0.5 keeps a single word from reading as certainty.
        // With these weights the label is always the strict maximum of the three scores.
        var neutral = 0.5 + Math.Min(positive, negative);
        var total = positive + negative + neutral;
        var scores = new SentimentScores(positive / total, neutral / total, negative / total);
        var label = positive > negative ? "positive" : negative > positive ? "negative" : "neutral";
        return new TextAnalysis(label, scores, [], SourceName);
    }
}
