namespace Triggers.Core.Analysis;

/// <summary>The sentiment of one sentence (or clause) of a text.</summary>
/// <param name="Text">The sentence as it appears in the text.</param>
/// <param name="Offset">Its start in the text, in UTF-16 code units.</param>
/// <param name="Label">positive, neutral or negative.</param>
public sealed record SentenceSentiment(string Text, int Offset, string Label, SentimentScores Scores);
