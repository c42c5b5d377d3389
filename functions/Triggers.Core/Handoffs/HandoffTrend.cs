namespace Triggers.Core.Handoffs;

/// <summary>
/// Whether the contact's negative sentiment is rising, falling or steady over their recent messages: the mean of the
/// later half minus the mean of the earlier half (the middle one left out when odd), beyond ±<see cref="Threshold"/>.
/// </summary>
public static class HandoffTrend
{
    public const string Rising = "rising";
    public const string Falling = "falling";
    public const string Steady = "steady";

    /// <summary>A shift smaller than this is noise from one message's wording.</summary>
    public const double Threshold = 0.15;

    /// <param name="negatives">Negative scores, oldest first.</param>
    public static string Of(IReadOnlyList<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        if (negatives.Count < 2)
        {
            return Steady;
        }

        var half = negatives.Count / 2;
        var earlier = negatives.Take(half).Average();
        var later = negatives.Skip(negatives.Count - half).Average();
        var shift = later - earlier;
        return shift > Threshold ? Rising : shift < -Threshold ? Falling : Steady;
    }
}
