using Triggers.Core.Emotion;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.Core.Tests.Emotion;

public sealed class PeakDetectorTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateTimeOffset T0 = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_rising_series_peaks_only_where_threshold_and_margin_both_hold_after_the_gap()
    {
        // Defaults: Alpha 0.3, HalfLife 3 days, AbsoluteThreshold 0.6, Margin 0.25.
        // prior = previous baseline × 0.5^(gap / 3 days); peak = i ≥ 0.6 and i ≥ prior + 0.25; baseline = prior + 0.3 × (i − prior).
        //   #  gap  i     prior        peak?                       baseline
        //   1  0    0.50  0            no  (below 0.6)             0.15
        //   2  0    0.52  0.15         no  (below 0.6)             0.261
        //   3  0    0.55  0.261        no  (below 0.6)             0.3477
        //   4  0    0.58  0.3477       no  (below 0.6)             0.41739
        //   5  0    0.65  0.41739      no  (0.65 < 0.66739)        0.487173
        //   6  6d   0.66  0.12179325   yes (two half-lives: ×0.25) 0.283255275
        var options = new EmotionOptions();
        var clock = new FakeTimeProvider(T0);
        (TimeSpan Gap, double Intensity)[] series =
            [(TimeSpan.Zero, 0.50), (TimeSpan.Zero, 0.52), (TimeSpan.Zero, 0.55), (TimeSpan.Zero, 0.58), (TimeSpan.Zero, 0.65), (TimeSpan.FromDays(6), 0.66)];
        double[] expectedPrior = [0, 0.15, 0.261, 0.3477, 0.41739, 0.12179325];
        double[] expectedBaseline = [0.15, 0.261, 0.3477, 0.41739, 0.487173, 0.283255275];

        EmotionState? state = null;
        var peaks = new List<int>();
        for (var i = 0; i < series.Length; i++)
        {
            clock.Advance(series[i].Gap);
            state = PeakDetector.Update(state, series[i].Intensity, clock.GetUtcNow(), $"s{i + 1}", options);
            Assert.Equal(expectedPrior[i], state.PriorBaseline, Tolerance);
            Assert.Equal(expectedBaseline[i], state.Baseline, Tolerance);
            if (state.IsPeak)
            {
                peaks.Add(i + 1);
            }
        }

        Assert.Equal([6], peaks);
        Assert.Equal(6, state!.Count);
        Assert.Equal(T0.AddDays(6), state.At);
    }

    [Fact]
    public void Without_the_gap_the_same_intensity_is_no_peak_because_the_baseline_has_not_decayed()
    {
        var options = new EmotionOptions();
        var clock = new FakeTimeProvider(T0);
        EmotionState? state = null;
        foreach (var (intensity, i) in new[] { 0.50, 0.52, 0.55, 0.58, 0.65 }.Select((x, i) => (x, i)))
        {
            state = PeakDetector.Update(state, intensity, clock.GetUtcNow(), $"s{i}", options);
        }

        // prior stays 0.487173 (see the table above), and 0.66 < 0.487173 + 0.25.
        var next = PeakDetector.Update(state, 0.66, clock.GetUtcNow(), "s-next", options);

        Assert.False(next.IsPeak);
        Assert.Equal(0.487173, next.PriorBaseline, Tolerance);
    }

    [Fact]
    public void The_baseline_halves_with_every_half_life_of_silence()
    {
        var options = new EmotionOptions { HalfLife = TimeSpan.FromDays(3) };
        var clock = new FakeTimeProvider(T0);
        var state = new EmotionState(0.8, 0, 0, 0, clock.GetUtcNow(), false, "s0", 1);

        clock.Advance(TimeSpan.FromDays(1.5));
        var afterHalfAHalfLife = PeakDetector.DecayedBaseline(state, clock.GetUtcNow(), options);
        clock.Advance(TimeSpan.FromDays(1.5));
        var afterOne = PeakDetector.DecayedBaseline(state, clock.GetUtcNow(), options);
        clock.Advance(TimeSpan.FromDays(3));
        var afterTwo = PeakDetector.DecayedBaseline(state, clock.GetUtcNow(), options);

        Assert.Equal(0.8 / Math.Sqrt(2), afterHalfAHalfLife, Tolerance);
        Assert.Equal(0.4, afterOne, Tolerance);
        Assert.Equal(0.2, afterTwo, Tolerance);
    }

    [Fact]
    public void A_signal_older_than_the_state_is_compared_with_the_undecayed_baseline_and_does_not_move_time_back()
    {
        var options = new EmotionOptions();
        var state = new EmotionState(0.8, 0, 0, 0, T0, false, "s0", 1);

        var late = PeakDetector.Update(state, 0.2, T0.AddHours(-5), "late", options);

        Assert.Equal(0.8, late.PriorBaseline, Tolerance);
        Assert.Equal(T0, late.At);
    }

    [Theory]
    [InlineData(0.59, false)] // margin holds (0.59 ≥ 0 + 0.25) but the threshold does not
    [InlineData(0.60, true)]
    public void A_first_signal_needs_the_absolute_threshold(double intensity, bool expectedPeak)
    {
        var state = PeakDetector.Update(null, intensity, T0, "s1", new EmotionOptions());

        Assert.Equal(expectedPeak, state.IsPeak);
        Assert.Equal(0, state.PriorBaseline);
    }

    [Theory]
    [InlineData(0.74, false)] // threshold holds (0.74 ≥ 0.6) but 0.74 < 0.5 + 0.25
    [InlineData(0.75, true)]
    public void Above_the_threshold_a_signal_also_needs_the_margin_over_the_baseline(double intensity, bool expectedPeak)
    {
        var previous = new EmotionState(0.5, 0, 0, 0, T0, false, "s0", 1);

        var state = PeakDetector.Update(previous, intensity, T0, "s1", new EmotionOptions());

        Assert.Equal(expectedPeak, state.IsPeak);
    }

    [Fact]
    public void Redelivering_a_signal_returns_the_previous_state_unchanged()
    {
        var options = new EmotionOptions();
        var clock = new FakeTimeProvider(T0);
        var first = PeakDetector.Update(null, 0.9, clock.GetUtcNow(), "s1", options);
        clock.Advance(TimeSpan.FromHours(1));
        var second = PeakDetector.Update(first, 0.3, clock.GetUtcNow(), "s2", options);
        clock.Advance(TimeSpan.FromHours(1));

        var againLast = PeakDetector.Update(second, 0.3, clock.GetUtcNow(), "s2", options);
        var againOlder = PeakDetector.Update(second, 0.9, clock.GetUtcNow(), "s1", options);

        Assert.Same(second, againLast);
        Assert.Same(second, againOlder);
        Assert.Equal(2, second.Count);
        Assert.Equal(["s2", "s1"], second.RecentSignalIds);
    }

    [Fact]
    public void A_state_remembers_a_bounded_number_of_signal_ids()
    {
        var options = new EmotionOptions();
        EmotionState? state = null;
        for (var i = 0; i < PeakDetector.RememberedSignals + 5; i++)
        {
            state = PeakDetector.Update(state, 0.1, T0, $"s{i}", options);
        }

        Assert.Equal(PeakDetector.RememberedSignals, state!.RecentSignalIds.Count);
        Assert.Equal($"s{PeakDetector.RememberedSignals + 4}", state.RecentSignalIds[0]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void An_intensity_outside_zero_to_one_is_refused(double intensity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeakDetector.Update(null, intensity, T0, "s1", new EmotionOptions()));
    }
}
