using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>The service's answer for one wire document; sentence offsets are still relative to the piece.</summary>
internal sealed record PieceSentiment(string Label, SentimentScores Scores, IReadOnlyList<SentenceSentiment> Sentences);
