namespace Triggers.Core.Guardrails;

/// <summary>
/// How long to wait before retrying a failed send: exponential (base × 2^(attempt − 1), at most max) with "equal
/// jitter" (half fixed, half drawn), the draw seeded by touchpoint id and attempt so a replay waits the same and many
/// failures at once do not retry in lockstep.
/// </summary>
public static class RetryBackoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <returns>In [step / 2, step), where step = min(max, base × 2^(attempt − 1)).</returns>
    public static TimeSpan Next(string touchpointId, int attempt, TimeSpan baseDelay, TimeSpan max)
    {
        ArgumentException.ThrowIfNullOrEmpty(touchpointId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, baseDelay);

        // Doubling past max is pointless and would overflow after about 60 attempts.
        var step = baseDelay;
        for (var i = 1; i < attempt && step < max; i++)
        {
            step = step.Ticks > max.Ticks / 2 ? max : step * 2;
        }

        if (step > max)
        {
            step = max;
        }

        var half = step / 2;
        var fraction = SeededFraction.Of(touchpointId, "retry", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return half + SeededFraction.Scale(fraction, step - half);
    }
}
