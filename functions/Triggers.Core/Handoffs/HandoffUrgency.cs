using System.Globalization;
using Triggers.Core.Signals;

namespace Triggers.Core.Handoffs;

/// <summary>
/// How urgently a person should pick a hand-off up, in [0, 1], higher first:
/// <c>0.5 × negative + 0.3 × value + 0.2 × waiting</c>, where
/// negative is the strongest negative sentiment score among the contact's recent messages (0..1);
/// value is <c>min(1, log10(1 + amount) / 6)</c> for the largest order amount among them (attribute <c>amount</c>, in
/// the platform's unit: fen on Douyin and Doudian, yuan on generic channels; the log scale keeps a 100× unit
/// difference to a third of the term, and 1,000,000 counts fully); and waiting is <c>min(1, waited / 12 h)</c>.
/// An angry customer outranks a big order, and anyone left waiting half a day rises to the top of their kind.
/// Where the tenant scores trust, the person's trust (0-100) then raises it towards 1:
/// <c>urgency + 0.2 × trust / 100 × (1 − urgency)</c>, so a trusted contributor who rarely buys is seen sooner, and no
/// one's urgency drops for lack of trust.
/// </summary>
public static class HandoffUrgency
{
    public const double NegativeWeight = 0.5;
    public const double ValueWeight = 0.3;
    public const double WaitingWeight = 0.2;
    public const string AmountAttribute = "amount";

    public static readonly TimeSpan WaitingHorizon = TimeSpan.FromHours(12);

    public const double TrustWeight = 0.2;

    public static double Score(double negativeScore, double? orderAmount, TimeSpan waiting, double? trust = null)
    {
        var negative = double.IsNaN(negativeScore) ? 0 : Math.Clamp(negativeScore, 0, 1);
        var value = orderAmount is { } amount && amount > 0 && double.IsFinite(amount) ? Math.Min(1, Math.Log10(1 + amount) / 6) : 0;
        var waited = waiting <= TimeSpan.Zero ? 0 : Math.Min(1, waiting / WaitingHorizon);
        var urgency = (NegativeWeight * negative) + (ValueWeight * value) + (WaitingWeight * waited);
        return trust is { } t && double.IsFinite(t) ? urgency + (TrustWeight * Math.Clamp(t, 0, 100) / 100 * (1 - urgency)) : urgency;
    }

    /// <summary>The largest readable <c>amount</c> attribute among the signals, or null when none has one.</summary>
    public static double? OrderAmount(IEnumerable<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        double? largest = null;
        foreach (var signal in signals)
        {
            if (signal.Attributes.TryGetValue(AmountAttribute, out var text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount) && amount > 0
                && (largest is null || amount > largest))
            {
                largest = amount;
            }
        }

        return largest;
    }
}
