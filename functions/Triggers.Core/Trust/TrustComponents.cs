namespace Triggers.Core.Trust;

/// <summary>The parts a trust score is made of (docs/relationships.md#trust).</summary>
public static class TrustComponents
{
    /// <summary>Orders, spend, refunds: points from rows of table Scoring.</summary>
    public const string Transactions = "transactions";

    /// <summary>Answers to others, helpful replies, fake reports, notes, referrals: rows of table Scoring and the rule action <c>contribute</c>.</summary>
    public const string Community = "community";

    /// <summary>Sentiment trend and complaint resolution: rows of table Scoring; 50 is neutral.</summary>
    public const string Sentiment = "sentiment";

    /// <summary>How long the person has been known: from the first signal scored, full after Scoring's TenureDays.</summary>
    public const string Tenure = "tenure";

    /// <summary>The components signals earn points in, in the order they are shown.</summary>
    public static IReadOnlyList<string> Earned { get; } = [Transactions, Community, Sentiment];

    public static IReadOnlyList<string> All { get; } = [Transactions, Community, Sentiment, Tenure];

    public static bool IsEarned(string component) => Earned.Contains(component, StringComparer.Ordinal);
}
