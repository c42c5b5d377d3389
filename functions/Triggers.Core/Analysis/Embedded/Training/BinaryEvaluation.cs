namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>Accuracy and per-class precision, recall and F1 for positive/negative gold labels.</summary>
public sealed class BinaryEvaluation
{
    private int truePositive, falsePositive, trueNegative, falseNegative;

    public int Count => truePositive + falsePositive + trueNegative + falseNegative;

    public double Accuracy => Count == 0 ? 0 : (double)(truePositive + trueNegative) / Count;

    public ClassMetrics Positive => ClassMetrics.From(truePositive, falsePositive, falseNegative);

    public ClassMetrics Negative => ClassMetrics.From(trueNegative, falseNegative, falsePositive);

    public double MacroF1 => (Positive.F1 + Negative.F1) / 2;

    /// <summary>A text is read as positive when its positive score exceeds its negative score.</summary>
    public static bool ReadsPositive(SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Positive > scores.Negative;
    }

    /// <summary>Records one text, read as <see cref="ReadsPositive"/> says.</summary>
    public void Add(bool goldPositive, SentimentScores scores)
    {
        var predicted = ReadsPositive(scores);
        _ = (goldPositive, predicted) switch
        {
            (true, true) => truePositive++,
            (true, false) => falseNegative++,
            (false, true) => falsePositive++,
            (false, false) => trueNegative++,
        };
    }
}
