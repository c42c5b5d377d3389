namespace Triggers.Core.Emotion;

/// <summary>One point of a contact's intensity series for a topic.</summary>
/// <param name="At">The signal's time (its OccurredAt): with <paramref name="SignalId"/> the point's identity.</param>
public sealed record EmotionPoint(
    DateTimeOffset At,
    string SignalId,
    double Intensity,
    double PriorBaseline,
    double Baseline,
    double Valence,
    bool IsPeak)
{
    public static EmotionPoint From(EmotionState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new EmotionPoint(at, state.LastSignalId, state.Intensity, state.PriorBaseline, state.Baseline, state.Valence, state.IsPeak);
    }
}
