using Triggers.Core.Guardrails;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>Quiet hours defer a touch to the window's end plus seeded slack, in the tenant's own time.</summary>
public sealed class QuietHoursTests
{
    [Fact]
    public void A_message_due_at_half_past_eleven_in_Shanghai_is_deferred_to_eight_plus_slack()
    {
        var due = At(3, 23, 30);

        var decision = Evaluate(Touchpoint(due), Context(now: due.AddHours(-1)));

        var defer = Assert.IsType<GuardrailDecision.Defer>(decision);
        Assert.Equal(GuardrailNames.QuietHours, defer.Guardrail);
        Assert.InRange(defer.Until, At(4, 8, 0), At(4, 8, 30).AddTicks(-1));
        Assert.Contains("quiet hours (22:00-08:00 Asia/Shanghai)", defer.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11-03 23:30 +08:00", defer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_due_at_noon_is_not_touched()
    {
        var due = At(3, 12, 0);

        Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(due), Context(now: due.AddHours(-1))));
    }

    [Fact]
    public void A_tenant_with_quiet_hours_turned_off_gets_its_message_at_half_past_eleven()
    {
        var due = At(3, 23, 30);

        var decision = Evaluate(Touchpoint(due), Context(now: due.AddHours(-1)), new GuardrailOptions { QuietHoursEnabled = false });

        Assert.IsType<GuardrailDecision.Allow>(decision);
    }

    [Fact]
    public void Turned_off_quiet_hours_are_not_validated()
    {
        var options = new GuardrailOptions { QuietHoursEnabled = false, QuietHoursStart = new TimeOnly(8, 0), QuietHoursEnd = new TimeOnly(8, 0) };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void After_midnight_inside_the_window_the_deferral_is_to_the_same_mornings_end()
    {
        var due = At(4, 3, 15);

        var defer = Assert.IsType<GuardrailDecision.Defer>(Evaluate(Touchpoint(due), Context(now: due)));

        Assert.InRange(defer.Until, At(4, 8, 0), At(4, 8, 30));
    }

    [Theory]
    [InlineData(21, 59, false)]
    [InlineData(22, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    public void A_window_wrapping_midnight_holds_its_start_but_not_its_end(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.Contains(new TimeOnly(hour, minute), new TimeOnly(22, 0), new TimeOnly(8, 0)));
    }

    [Theory]
    [InlineData(0, 59, false)]
    [InlineData(1, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]
    [InlineData(23, 0, false)]
    public void A_window_inside_one_day_does_not_wrap(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.Contains(new TimeOnly(hour, minute), new TimeOnly(1, 0), new TimeOnly(6, 0)));
    }

    [Fact]
    public void The_window_is_read_in_the_tenants_zone_not_in_UTC()
    {
        // 15:30 UTC is 23:30 in Shanghai; a Berlin tenant is at 16:30, nowhere near its quiet hours.
        var due = new DateTimeOffset(2026, 11, 3, 15, 30, 0, TimeSpan.Zero);

        Assert.IsType<GuardrailDecision.Defer>(Evaluate(Touchpoint(due), Context(due)));
        Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(due), Context(due), new GuardrailOptions { TimeZone = "Europe/Berlin" }));
    }

    [Fact]
    public void In_a_zone_with_daylight_saving_the_window_ends_at_local_eight_on_the_night_clocks_change()
    {
        // Berlin leaves summer time at 03:00 on 2026-10-25: 23:30 CEST on the 24th ends at 08:00 CET, 9.5 hours later.
        var options = new GuardrailOptions { TimeZone = "Europe/Berlin" };
        var due = new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(2));

        var end = QuietHours.EndOf(due, options, options.ResolveTimeZone());

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.FromHours(1)), end);
    }

    [Fact]
    public void The_slack_after_quiet_hours_is_the_same_on_every_replay_and_differs_between_touchpoints()
    {
        var options = new GuardrailOptions();
        var zone = options.ResolveTimeZone();
        var due = At(3, 23, 30);

        var first = Enumerable.Range(0, 200).Select(i => QuietHours.Defer(Id(i), due, options, zone)!.Value).ToList();
        var again = Enumerable.Range(0, 200).Select(i => QuietHours.Defer(Id(i), due, options, zone)!.Value).ToList();

        Assert.Equal(first, again);
        Assert.All(first, until => Assert.InRange(until, At(4, 8, 0), At(4, 8, 30).AddTicks(-1)));
        Assert.True(first.Distinct().Count() > 190);
        Assert.True(first.Min() < At(4, 8, 5) && first.Max() > At(4, 8, 25));
    }

    [Fact]
    public void Tag_handoff_and_alert_are_not_held_by_quiet_hours()
    {
        var due = At(3, 23, 30);

        foreach (var type in new[] { "tag", "coins", "handoff", "alert" })
        {
            Assert.IsType<GuardrailDecision.Allow>(Evaluate(Touchpoint(due, type), Context(now: due)));
        }
    }

    [Fact]
    public void A_deferral_that_would_cross_the_WeChat_window_is_blocked_by_platform_policy()
    {
        // The contact wrote 47 h before 23:30: the window closes at 00:30, long before 08:00.
        var due = At(3, 23, 30);
        var contact = Contact(lastInbound: due.AddHours(-47));

        var block = Assert.IsType<GuardrailDecision.Block>(Evaluate(Touchpoint(due), Context(due, contact)));

        Assert.Equal(GuardrailNames.PlatformPolicy, block.Guardrail);
        Assert.Contains("quiet hours", block.Detail, StringComparison.Ordinal);
        Assert.Contains("contact window", block.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deferral_shortly_before_the_WeChat_window_closes_lands_inside_it()
    {
        // The window closes at 08:10: the slack shrinks to those ten minutes.
        var due = At(3, 23, 30);
        var closes = At(4, 8, 10);
        var contact = Contact(lastInbound: closes.AddHours(-48));

        var defer = Assert.IsType<GuardrailDecision.Defer>(Evaluate(Touchpoint(due), Context(due, contact)));

        Assert.InRange(defer.Until, At(4, 8, 0), closes.AddTicks(-1));
    }

    [Fact]
    public void On_a_platform_without_a_window_the_deferral_is_not_limited()
    {
        var due = At(3, 23, 30);

        var defer = Assert.IsType<GuardrailDecision.Defer>(Evaluate(Touchpoint(due), Context(due, Contact(), platform: "wecom")));

        Assert.InRange(defer.Until, At(4, 8, 0), At(4, 8, 30));
    }

    [Fact]
    public void At_dispatch_the_touch_is_judged_at_the_current_time()
    {
        // Due in the afternoon, but a retry brought it round at 22:10.
        var touchpoint = Touchpoint(At(3, 15, 0));

        var decision = Evaluate(touchpoint, Context(At(3, 22, 10), stage: GuardrailStage.Dispatch));

        Assert.Equal(GuardrailNames.QuietHours, Assert.IsType<GuardrailDecision.Defer>(decision).Guardrail);
    }
}
