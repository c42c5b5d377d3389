namespace Triggers.Core.Emotion;

/// <summary>Danmaku and comments of one room window about one topic (or all of them).</summary>
/// <param name="Count">How many signals.</param>
/// <param name="Positive">How many were labelled positive.</param>
/// <param name="Negative">How many were labelled negative.</param>
/// <param name="Neutral">How many were labelled neutral.</param>
/// <param name="PositiveSum">Sum of their positive scores.</param>
/// <param name="NegativeSum">Sum of their negative scores.</param>
public sealed record RoomAggregate(
    string Topic, long Count, long Positive, long Negative, long Neutral, double PositiveSum, double NegativeSum)
{
    /// <summary>The aggregate over every danmaku and comment of the window, whatever its topics; a reserved topic name.</summary>
    public const string All = "all";

    public double AveragePositive => Count == 0 ? 0 : PositiveSum / Count;

    public double AverageNegative => Count == 0 ? 0 : NegativeSum / Count;

    public static RoomAggregate Empty(string topic) => new(topic, 0, 0, 0, 0, 0, 0);

    public RoomAggregate Add(RoomContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return this with
        {
            Count = Count + 1,
            Positive = Positive + (contribution.Label == "positive" ? 1 : 0),
            Negative = Negative + (contribution.Label == "negative" ? 1 : 0),
            Neutral = Neutral + (contribution.Label is not ("positive" or "negative") ? 1 : 0),
            PositiveSum = PositiveSum + contribution.Positive,
            NegativeSum = NegativeSum + contribution.Negative,
        };
    }
}
