using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>Puts the pieces of each caller document back together.</summary>
internal static class SentimentMerger
{
    public static DocumentSentiment Merge(LanguageDocument document, IReadOnlyList<(WireDocument Wire, PieceOutcome Outcome)> pieces)
    {
        if (pieces.Count == 0)
        {
            // An empty text has no pieces worth sending.
            return new DocumentSentiment(document.Id, TextAnalysis.Neutral(LanguageClient.SourceName), null);
        }

        foreach (var (_, outcome) in pieces)
        {
            if (outcome.Error is { } error)
            {
                return new DocumentSentiment(document.Id, null, error);
            }
        }

        if (pieces.Count == 1)
        {
            var only = pieces[0].Outcome.Sentiment!;
            return Success(document, only.Label, only.Scores, only.Sentences);
        }

        // Weighted by length in text elements, the unit the service's limit counts.
        double positive = 0, neutral = 0, negative = 0, total = 0;
        var sentences = new List<SentenceSentiment>();
        foreach (var (wire, outcome) in pieces)
        {
            var sentiment = outcome.Sentiment!;
            var weight = (double)wire.Piece.Elements;
            positive += weight * sentiment.Scores.Positive;
            neutral += weight * sentiment.Scores.Neutral;
            negative += weight * sentiment.Scores.Negative;
            total += weight;
            sentences.AddRange(sentiment.Sentences.Select(s => s with { Offset = s.Offset + wire.Piece.Offset }));
        }

        var scores = SentimentScoring.Normalise(positive / total, neutral / total, negative / total);
        return Success(document, SentimentScoring.FromScores(scores), scores, sentences);
    }

    private static DocumentSentiment Success(LanguageDocument document, string label, SentimentScores scores, IReadOnlyList<SentenceSentiment> sentences) =>
        new(document.Id, new TextAnalysis(label, scores, [], LanguageClient.SourceName) { Sentences = sentences }, null);
}
