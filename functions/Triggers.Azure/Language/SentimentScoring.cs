using Triggers.Core.Analysis;

namespace Triggers.Azure.Language;

/// <summary>Our three-label, sum-to-one view of the service's scores and labels.</summary>
internal static class SentimentScoring
{
    /// <summary>The service rounds to two decimals, so its scores rarely sum to exactly 1; nothing at all reads as neutral.</summary>
    public static SentimentScores Normalise(double positive, double neutral, double negative)
    {
        positive = Clean(positive);
        neutral = Clean(neutral);
        negative = Clean(negative);
        var total = positive + neutral + negative;
        return total > 0 ? new SentimentScores(positive / total, neutral / total, negative / total) : new SentimentScores(0, 1, 0);
    }

    /// <summary>
    /// positive, neutral and negative pass through; "mixed" becomes the stronger of positive and negative, negative on
    /// a tie (a complaint missed costs more than a compliment missed). Anything else falls back to the scores.
    /// </summary>
    public static string Label(string? serviceLabel, SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return serviceLabel switch
        {
            "positive" or "neutral" or "negative" => serviceLabel,
            "mixed" => scores.Positive > scores.Negative ? "positive" : "negative",
            _ => FromScores(scores),
        };
    }

    /// <summary>The largest score; neutral wins ties with it, negative wins a tie with positive.</summary>
    public static string FromScores(SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Neutral >= scores.Positive && scores.Neutral >= scores.Negative)
        {
            return "neutral";
        }

        return scores.Positive > scores.Negative ? "positive" : "negative";
    }

    private static double Clean(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
