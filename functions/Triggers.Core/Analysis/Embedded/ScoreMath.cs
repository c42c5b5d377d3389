namespace Triggers.Core.Analysis.Embedded;

/// <summary>
/// Turns the evidence z (log-odds, positive minus negative) into three scores: a softmax over z/2, a fixed
/// neutral logit, and -z/2. With little evidence neutral wins; as |z| grows the winning side takes over.
/// </summary>
public static class ScoreMath
{
    /// <summary>The neutral logit: |z| must exceed twice this for a polar label.</summary>
    public const double NeutralLogit = 0.4;

    public static SentimentScores Scores(double z)
    {
        var half = Math.Clamp(z, -60, 60) / 2;
        var top = Math.Max(Math.Abs(half), NeutralLogit);
        var positive = Math.Exp(half - top);
        var neutral = Math.Exp(NeutralLogit - top);
        var negative = Math.Exp(-half - top);
        var total = positive + neutral + negative;
        positive /= total;
        negative /= total;
        return new SentimentScores(positive, 1 - positive - negative, negative);
    }

    public static string Label(SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Positive > scores.Neutral && scores.Positive > scores.Negative ? "positive"
            : scores.Negative > scores.Neutral && scores.Negative > scores.Positive ? "negative"
            : "neutral";
    }
}
