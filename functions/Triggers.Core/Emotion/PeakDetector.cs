namespace Triggers.Core.Emotion;

/// <summary>
/// The peak detector: an exponentially weighted baseline that decays toward 0 with the time between points,
/// and a peak when intensity reaches the absolute threshold and exceeds the decayed baseline by the margin.
/// </summary>
public static class PeakDetector
{
    /// <summary>How many recent signal ids a state remembers to recognise redelivery.</summary>
    public const int RememberedSignals = 16;

    /// <summary>The baseline <paramref name="state"/> would have at <paramref name="at"/> with no new signal.</summary>
    public static double DecayedBaseline(EmotionState? state, DateTimeOffset at, EmotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (state is null)
        {
            return 0;
        }

        // A signal older than the state (late delivery) is compared with the baseline as it stands.
        var elapsed = Math.Max(0, (at - state.At).Ticks);
        return state.Baseline * Math.Pow(0.5, (double)elapsed / options.HalfLife.Ticks);
    }

    public static bool IsDuplicate(EmotionState? previous, string signalId) =>
        previous is not null && (previous.LastSignalId == signalId || previous.RecentSignalIds.Contains(signalId, StringComparer.Ordinal));

    /// <returns>The new state; <paramref name="previous"/> itself when <paramref name="signalId"/> was already applied.</returns>
    public static EmotionState Update(
        EmotionState? previous, double intensity, DateTimeOffset at, string signalId, EmotionOptions options, double valence = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(signalId);
        ArgumentNullException.ThrowIfNull(options);
        if (!(intensity >= 0 && intensity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "Intensity must be between 0 and 1.");
        }

        if (previous is not null && IsDuplicate(previous, signalId))
        {
            return previous;
        }

        var prior = DecayedBaseline(previous, at, options);
        var isPeak = intensity >= options.AbsoluteThreshold && intensity >= prior + options.Margin;
        var baseline = prior + (options.Alpha * (intensity - prior));
        var recent = new List<string>(RememberedSignals) { signalId };
        recent.AddRange((previous?.RecentSignalIds ?? []).Take(RememberedSignals - 1));
        return new EmotionState(
            baseline,
            prior,
            intensity,
            Math.Clamp(valence, -1, 1),
            previous is null || at > previous.At ? at : previous.At,
            isPeak,
            signalId,
            (previous?.Count ?? 0) + 1)
        {
            RecentSignalIds = recent,
        };
    }
}
