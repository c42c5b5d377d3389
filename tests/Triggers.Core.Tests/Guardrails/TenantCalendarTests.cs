using Triggers.Core.Guardrails;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>Caps count the tenant's local day and ISO week, not UTC's.</summary>
public sealed class TenantCalendarTests
{
    [Fact]
    public void The_local_day_is_the_tenants_day()
    {
        // 17:30 UTC on the 3rd is already 01:30 on the 4th in Shanghai.
        var instant = new DateTimeOffset(2026, 11, 3, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 4), TenantCalendar.LocalDay(instant, "Asia/Shanghai"));
        Assert.Equal(new DateOnly(2026, 11, 3), TenantCalendar.LocalDay(instant, "Europe/Berlin"));
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(4, 12, 0)]
    [InlineData(8, 23, 59)]
    public void A_week_runs_from_Monday_to_Sunday(int day, int hour, int minute)
    {
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)), TenantCalendar.WeekOf(At(day, hour, minute), "Asia/Shanghai"));
    }

    [Fact]
    public void Sunday_night_in_Shanghai_is_still_the_old_week_and_Monday_morning_the_new_one()
    {
        Assert.Equal(new DateOnly(2026, 11, 2), TenantCalendar.WeekOf(At(8, 23, 59), "Asia/Shanghai").Monday);
        Assert.Equal(new DateOnly(2026, 11, 9), TenantCalendar.WeekOf(At(9, 0, 0), "Asia/Shanghai").Monday);
    }

    [Fact]
    public void A_week_across_new_year_keeps_its_Monday()
    {
        var newYear = new DateTimeOffset(2027, 1, 1, 12, 0, 0, Shanghai);

        Assert.Equal((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)), TenantCalendar.WeekOf(newYear, "Asia/Shanghai"));
    }

    [Fact]
    public void A_wall_time_skipped_by_daylight_saving_lands_after_the_jump()
    {
        // Berlin jumps from 02:00 to 03:00 on 2026-03-29: 02:30 does not exist and reads as 03:30 CEST.
        var berlin = TenantCalendar.Zone("Europe/Berlin");

        var instant = TenantCalendar.AtLocal(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), instant);
    }

    [Fact]
    public void A_wall_time_that_happens_twice_is_its_first_occurrence()
    {
        var berlin = TenantCalendar.Zone("Europe/Berlin");

        var instant = TenantCalendar.AtLocal(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), berlin);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), instant);
    }

    [Fact]
    public void An_unknown_zone_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => TenantCalendar.LocalDay(At(3, 12), "Mars/Olympus"));

        Assert.Contains("\"Mars/Olympus\"", error.Message, StringComparison.Ordinal);
    }
}
