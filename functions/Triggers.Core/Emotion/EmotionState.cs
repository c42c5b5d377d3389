namespace Triggers.Core.Emotion;

/// <summary>A contact's emotion about one topic after its latest signal.</summary>
/// <param name="Baseline">The EWMA baseline after this signal (what the next signal is compared with, once decayed).</param>
/// <param name="PriorBaseline">The baseline before this signal, decayed to its time: what the peak test compared against.</param>
/// <param name="Intensity">This signal's intensity for the topic, 0..1.</param>
/// <param name="Valence">This signal's positive − negative for the topic, −1..1.</param>
/// <param name="At">When the state was last updated (the latest signal time seen).</param>
/// <param name="IsPeak">Whether this signal was a peak.</param>
/// <param name="LastSignalId">The signal that produced this state.</param>
/// <param name="Count">How many distinct signals have updated this state.</param>
public sealed record EmotionState(
    double Baseline,
    double PriorBaseline,
    double Intensity,
    double Valence,
    DateTimeOffset At,
    bool IsPeak,
    string LastSignalId,
    long Count)
{
    /// <summary>The latest signal ids applied (newest first, at most <see cref="PeakDetector.RememberedSignals"/>), so redelivery is recognised.</summary>
    public IReadOnlyList<string> RecentSignalIds { get; init; } = [];
}
