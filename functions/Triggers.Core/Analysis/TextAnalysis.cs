namespace Triggers.Core.Analysis;

/// <summary>What the analyser read in a text.</summary>
/// <param name="Label">positive, neutral or negative.</param>
/// <param name="Scores">The three scores, summing to 1.</param>
/// <param name="Topics">Topic names found in the text.</param>
/// <param name="Source">Which analyser produced it (for example "embedded").</param>
public sealed record TextAnalysis(string Label, SentimentScores Scores, IReadOnlyList<string> Topics, string Source)
{
    public static TextAnalysis Neutral(string source) => new("neutral", new SentimentScores(0, 1, 0), [], source);

    /// <summary>Per-sentence results, in text order (empty when the analyser gives none).</summary>
    public IReadOnlyList<SentenceSentiment> Sentences { get; init; } = [];

    /// <summary>Each topic found with the sentiment of its clause; <see cref="Topics"/> holds their distinct names.</summary>
    public IReadOnlyList<TopicMention> Mentions { get; init; } = [];
}
