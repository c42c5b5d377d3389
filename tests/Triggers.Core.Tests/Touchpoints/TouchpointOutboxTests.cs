using Triggers.Core.Tests.Guardrails;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Touchpoints;

public sealed class TouchpointOutboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Touchpoint Planned(string type = "message") => GuardrailFixtures.Touchpoint(T0.AddMinutes(10), type);

    [Fact]
    public void A_new_planned_touchpoint_records_the_planned_event_and_leaves_it_pending()
    {
        var recorded = TouchpointOutbox.Record(Planned(), T0);

        var pending = Assert.Single(TouchpointOutbox.Pending(recorded));
        Assert.Equal(new PendingEvent(TouchpointEventTypes.Planned, T0), pending);
    }

    [Fact]
    public void Planned_again_after_a_retry_or_a_deferral_announces_nothing_new()
    {
        var published = TouchpointOutbox.Published(TouchpointOutbox.Record(Planned(), T0), [new PendingEvent(TouchpointEventTypes.Planned, T0)]);

        var retried = TouchpointOutbox.Record(published with { Status = TouchpointStatus.Planned, Attempts = 1 }, T0.AddMinutes(5));

        Assert.Empty(TouchpointOutbox.Pending(retried));
    }

    [Fact]
    public void The_sending_step_announces_nothing_and_the_outcome_after_it_is_recorded_once()
    {
        var planned = TouchpointOutbox.Published(TouchpointOutbox.Record(Planned(), T0), TouchpointOutbox.Pending(TouchpointOutbox.Record(Planned(), T0)));
        var sending = TouchpointOutbox.Record(planned with { Status = TouchpointStatus.Sending }, T0.AddMinutes(10));
        Assert.Empty(TouchpointOutbox.Pending(sending));

        var sent = TouchpointOutbox.Record(sending with { Status = TouchpointStatus.Sent }, T0.AddMinutes(11));
        var writtenTwice = TouchpointOutbox.Record(sent, T0.AddMinutes(12));

        Assert.Equal([new PendingEvent(TouchpointEventTypes.Sent, T0.AddMinutes(11))], TouchpointOutbox.Pending(writtenTwice));
    }

    [Theory]
    [InlineData(TouchpointStatus.Blocked, "message", TouchpointEventTypes.Blocked)]
    [InlineData(TouchpointStatus.Cancelled, "message", TouchpointEventTypes.Cancelled)]
    [InlineData(TouchpointStatus.Failed, "coupon", TouchpointEventTypes.Failed)]
    [InlineData(TouchpointStatus.Sent, "handoff", TouchpointEventTypes.HandedOff)]
    [InlineData(TouchpointStatus.Sent, "coins", TouchpointEventTypes.Sent)]
    public void Each_outcome_is_announced_by_its_own_event_type(string status, string type, string expected)
    {
        var touchpoint = TouchpointOutbox.Record(Planned(type) with { Status = status }, T0);

        Assert.Equal(expected, Assert.Single(TouchpointOutbox.Pending(touchpoint)).Type);
    }

    [Fact]
    public void An_event_not_yet_published_stays_pending_beside_a_later_one_and_each_keeps_its_time()
    {
        var planned = TouchpointOutbox.Record(Planned(), T0);

        var blocked = TouchpointOutbox.Record(planned with { Status = TouchpointStatus.Blocked, Guardrail = "consent" }, T0.AddMinutes(1));

        Assert.Equal(
            [new PendingEvent(TouchpointEventTypes.Planned, T0), new PendingEvent(TouchpointEventTypes.Blocked, T0.AddMinutes(1))],
            TouchpointOutbox.Pending(blocked));
        var afterPlannedWentOut = TouchpointOutbox.Published(blocked, [new PendingEvent(TouchpointEventTypes.Planned, T0)]);
        Assert.Equal([new PendingEvent(TouchpointEventTypes.Blocked, T0.AddMinutes(1))], TouchpointOutbox.Pending(afterPlannedWentOut));
        Assert.Null(TouchpointOutbox.Published(afterPlannedWentOut, TouchpointOutbox.Pending(afterPlannedWentOut)).PendingEvents);
    }

    [Fact]
    public void An_event_published_late_still_announces_its_own_outcome_with_an_id_stable_across_publishes()
    {
        var planned = TouchpointOutbox.Record(Planned(), T0);
        var sentMeanwhile = TouchpointOutbox.Record(planned with { Status = TouchpointStatus.Sent, SentAt = T0.AddMinutes(10) }, T0.AddMinutes(10));

        var first = TouchpointOutbox.EventOf(sentMeanwhile, TouchpointOutbox.Pending(sentMeanwhile)[0]);
        var again = TouchpointOutbox.EventOf(sentMeanwhile, TouchpointOutbox.Pending(sentMeanwhile)[0]);

        Assert.Equal(TouchpointEventTypes.Planned, first.Type);
        Assert.Equal(TouchpointStatus.Planned, first.Data.Status);
        Assert.Null(first.Data.SentAt);
        Assert.Equal(T0, first.Time);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("tp-0123456789abcdef0123456789abcd.planned", first.Id);
        Assert.NotEqual(first.Id, TouchpointOutbox.EventOf(sentMeanwhile, TouchpointOutbox.Pending(sentMeanwhile)[1]).Id);
    }

    [Theory]
    [InlineData("coupon", true)]
    [InlineData("tag", true)]
    [InlineData("coins", true)]
    [InlineData("invite", true)]
    [InlineData("message", false)]
    [InlineData("handoff", false)]
    public void Coupons_tags_coins_and_invitations_are_marked_for_the_brands_own_systems(string type, bool actedOnByBrand)
    {
        var touchpoint = Planned(type);

        Assert.Equal(actedOnByBrand, TouchpointEvent.From(touchpoint, TouchpointEventTypes.Planned, T0).Data.ActedOnByBrand);
    }
}
