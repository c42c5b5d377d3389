using Triggers.Core.Identity;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>A fraction in [0, 1) fixed by its parts, so every replay of the same decision draws the same slack or jitter.</summary>
internal static class SeededFraction
{
    public static double Of(params ReadOnlySpan<string> parts) =>
        new SlackRandom(TouchpointIds.Seed(StableId.From(parts))).NextDouble();

    /// <summary><paramref name="fraction"/> of <paramref name="span"/>, rounded down to a tick.</summary>
    public static TimeSpan Scale(double fraction, TimeSpan span) =>
        TimeSpan.FromTicks((long)Math.Floor(fraction * span.Ticks));
}
