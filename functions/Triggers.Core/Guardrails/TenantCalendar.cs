using System.Globalization;

namespace Triggers.Core.Guardrails;

/// <summary>
/// The tenant's local calendar: the day and ISO week (Monday to Sunday) caps count in, and local wall times turned
/// back into instants. Zone ids are IANA ids such as Asia/Shanghai.
/// </summary>
public static class TenantCalendar
{
    public static TimeZoneInfo Zone(string timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"time zone \"{timeZone}\" is not known on this machine: use an IANA id such as Asia/Shanghai", nameof(timeZone), e);
        }
    }

    public static DateOnly LocalDay(DateTimeOffset instant, string timeZone) => LocalDay(instant, Zone(timeZone));

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>The ISO week (Monday first) holding the instant's local day.</summary>
    public static (DateOnly Monday, DateOnly Sunday) WeekOf(DateTimeOffset instant, string timeZone) => WeekOf(instant, Zone(timeZone));

    public static (DateOnly Monday, DateOnly Sunday) WeekOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var day = LocalDay(instant, zone);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }

    /// <summary>
    /// The instant a local wall time names. A time skipped by a daylight-saving jump is read with the offset from before
    /// the jump, which lands as far after it; a time that happens twice is the first occurrence.
    /// </summary>
    public static DateTimeOffset AtLocal(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1)));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>An instant as people in the tenant read it, for status reasons: 2026-11-03 23:30 +08:00.</summary>
    public static string Describe(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
    }
}
