using System.Globalization;

namespace Triggers.Core.Emotion;

/// <summary>Settings under <c>Emotion</c>: the peak detector and the live-room aggregates (docs/emotion.md).</summary>
public sealed class EmotionOptions
{
    public const string SectionName = "Emotion";

    /// <summary>EWMA weight of the newest intensity in the baseline (0 &lt; Alpha ≤ 1).</summary>
    public double Alpha { get; set; } = 0.3;

    /// <summary>Time after which an untouched baseline has decayed to half, toward 0.</summary>
    public TimeSpan HalfLife { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A peak needs at least this intensity (0..1).</summary>
    public double AbsoluteThreshold { get; set; } = 0.6;

    /// <summary>A peak also needs intensity at least this much above the baseline before the signal (0..1).</summary>
    public double Margin { get; set; } = 0.25;

    /// <summary>How long series points and room windows are kept before the purge may delete them.</summary>
    public TimeSpan SeriesRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Width of a live-room aggregate window: whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60).</summary>
    public TimeSpan RoomWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(Alpha > 0 && Alpha <= 1))
        {
            problems.Add($"Emotion:Alpha must be greater than 0 and at most 1 (it is {Show(Alpha)}).");
        }

        if (HalfLife < TimeSpan.FromMinutes(1) || HalfLife > TimeSpan.FromDays(365))
        {
            problems.Add($"Emotion:HalfLife must be between 00:01:00 and 365.00:00:00 (it is {HalfLife}).");
        }

        if (!(AbsoluteThreshold >= 0 && AbsoluteThreshold <= 1))
        {
            problems.Add($"Emotion:AbsoluteThreshold must be between 0 and 1 (it is {Show(AbsoluteThreshold)}).");
        }

        if (!(Margin >= 0 && Margin <= 1))
        {
            problems.Add($"Emotion:Margin must be between 0 and 1 (it is {Show(Margin)}).");
        }

        if (SeriesRetention < TimeSpan.FromDays(1) || SeriesRetention > TimeSpan.FromDays(3650))
        {
            problems.Add($"Emotion:SeriesRetention must be between 1.00:00:00 and 3650.00:00:00 (it is {SeriesRetention}).");
        }

        var minutes = RoomWindow.TotalMinutes;
        if (RoomWindow.Ticks % TimeSpan.TicksPerMinute != 0 || minutes < 1 || minutes > 60 || 60 % (int)minutes != 0)
        {
            problems.Add($"Emotion:RoomWindow must be whole minutes that divide an hour, from 00:01:00 to 01:00:00 (it is {RoomWindow}).");
        }

        return problems;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
