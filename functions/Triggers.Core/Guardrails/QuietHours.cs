namespace Triggers.Core.Guardrails;

/// <summary>
/// The tenant's nightly quiet window, in its local time. A touch due inside it is deferred, not dropped: to the window's
/// end plus a slack seeded by the touchpoint id, so the morning's touches spread out and a replay picks the same time.
/// </summary>
public static class QuietHours
{
    /// <summary>Whether a local time is inside [start, end); a window whose start is after its end wraps midnight.</summary>
    public static bool Contains(TimeOnly local, TimeOnly start, TimeOnly end) =>
        start <= end ? local >= start && local < end : local >= start || local < end;

    /// <summary>When the quiet window holding <paramref name="instant"/> ends; null when the instant is outside it.</summary>
    public static DateTimeOffset? EndOf(DateTimeOffset instant, GuardrailOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time, options.QuietHoursStart, options.QuietHoursEnd))
        {
            return null;
        }

        // Before midnight in a wrapping window, it ends tomorrow; otherwise today.
        var day = DateOnly.FromDateTime(local);
        var wraps = options.QuietHoursStart > options.QuietHoursEnd;
        var endDay = wraps && time >= options.QuietHoursStart ? day.AddDays(1) : day;
        return TenantCalendar.AtLocal(endDay, options.QuietHoursEnd, zone);
    }

    /// <summary>
    /// Where a touch due at <paramref name="instant"/> inside the window goes: the window's end plus a seeded slack in
    /// [0, QuietHoursSlack). With <paramref name="before"/> (a platform contact window closing), the slack shrinks to
    /// land before it; null when even the window's end is too late. Returns <paramref name="instant"/> when it is outside the window.
    /// </summary>
    public static DateTimeOffset? Defer(string touchpointId, DateTimeOffset instant, GuardrailOptions options, TimeZoneInfo zone, DateTimeOffset? before = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(touchpointId);
        if (EndOf(instant, options, zone) is not { } end)
        {
            return instant;
        }

        var room = options.QuietHoursSlack;
        if (before is { } limit)
        {
            if (end >= limit)
            {
                return null;
            }

            room = limit - end < room ? limit - end : room;
        }

        return end + SeededFraction.Scale(SeededFraction.Of(touchpointId, "quiet-hours"), room);
    }
}
