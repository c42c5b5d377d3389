using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Signals;
using Triggers.Core.Tests.Emotion;
using Triggers.Core.Tests.Support;
using Triggers.Core.Touchpoints;
using static Triggers.Core.Tests.Guardrails.GuardrailFixtures;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.Core.Tests.Guardrails;

/// <summary>A person who writes to the contact after a touch was planned takes precedence over the automation.</summary>
public sealed class HumanPrecedenceTests
{
    private static readonly DateTimeOffset Planned = At(3, 10, 0);
    private static readonly GuardrailOptions Postpone = new() { HumanPrecedence = HumanPrecedenceMode.Postpone };

    private static Signal AgentMessage(DateTimeOffset at) =>
        TestSignals.Message("agent-1", "您好，我是客服小王") with { Kind = SignalKinds.AgentMessage, OccurredAt = at };

    [Fact]
    public void An_agent_message_after_planning_cancels_the_pending_touch()
    {
        var pending = Touchpoint(Planned.AddHours(1), plannedAt: Planned);

        var next = HumanPrecedence.Apply(pending, Planned.AddMinutes(20), new GuardrailOptions());

        Assert.Equal((TouchpointStatus.Cancelled, GuardrailNames.HumanPrecedence), (next.Status, next.Guardrail));
        Assert.Equal(
            "a person wrote to the contact at 2026-11-03 10:20 +08:00, so the automated follow-up gives way",
            next.StatusReason);
        Assert.Equal(pending.DueAt, next.DueAt);
    }

    [Fact]
    public void In_postpone_mode_the_touch_waits_until_two_hours_after_the_person()
    {
        var pending = Touchpoint(Planned.AddHours(1), plannedAt: Planned);

        var next = HumanPrecedence.Apply(pending, Planned.AddMinutes(20), Postpone);

        var until = Planned.AddMinutes(20).AddHours(2);
        Assert.Equal((TouchpointStatus.Planned, until, until), (next.Status, next.DueAt, next.WakeAt));
        Assert.Equal(GuardrailNames.HumanPrecedence, next.Guardrail);
        Assert.Contains("waits until 2026-11-03 12:20 +08:00", next.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_touch_already_due_later_than_the_postponement_is_left_alone()
    {
        var pending = Touchpoint(Planned.AddHours(5), plannedAt: Planned);

        Assert.Same(pending, HumanPrecedence.Apply(pending, Planned.AddMinutes(20), Postpone));
    }

    [Fact]
    public void A_person_who_wrote_before_the_touch_was_planned_does_not_cancel_it()
    {
        var pending = Touchpoint(Planned.AddHours(1), plannedAt: Planned);

        Assert.Same(pending, HumanPrecedence.Apply(pending, Planned.AddMinutes(-5), new GuardrailOptions()));
    }

    [Theory]
    [InlineData("handoff", TouchpointStatus.Planned)]
    [InlineData("tag", TouchpointStatus.Planned)]
    [InlineData("message", TouchpointStatus.Sending)]
    [InlineData("message", TouchpointStatus.Sent)]
    [InlineData("message", TouchpointStatus.Blocked)]
    public void Only_planned_touches_that_reach_the_contact_give_way(string type, string status)
    {
        var other = Touchpoint(Planned.AddHours(1), type, plannedAt: Planned) with { Status = status };

        Assert.Same(other, HumanPrecedence.Apply(other, Planned.AddMinutes(20), new GuardrailOptions()));
    }

    [Fact]
    public void At_dispatch_an_agent_message_recorded_after_planning_cancels_the_touch()
    {
        var clock = new FakeTimeProvider(Planned);
        var touchpoint = Touchpoint(Planned.AddHours(1), plannedAt: clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        var contact = ConsentRules.Apply(Contact(lastInbound: Planned), AgentMessage(clock.GetUtcNow()), new GuardrailOptions(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));

        var decision = Evaluate(touchpoint, Context(clock.GetUtcNow(), contact, stage: GuardrailStage.Dispatch));

        var cancel = Assert.IsType<GuardrailDecision.Cancel>(decision);
        Assert.Equal(GuardrailNames.HumanPrecedence, cancel.Guardrail);
        Assert.Contains("10:30 +08:00", cancel.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void At_dispatch_in_postpone_mode_the_touch_is_deferred_until_two_hours_after_the_person_then_goes_out()
    {
        var clock = new FakeTimeProvider(Planned);
        var touchpoint = Touchpoint(Planned.AddHours(1), plannedAt: clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        var contact = ConsentRules.Apply(Contact(lastInbound: Planned), AgentMessage(clock.GetUtcNow()), Postpone, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));

        var decision = Evaluate(touchpoint, Context(clock.GetUtcNow(), contact, stage: GuardrailStage.Dispatch), Postpone);

        var defer = Assert.IsType<GuardrailDecision.Defer>(decision);
        Assert.Equal((Planned.AddMinutes(150), GuardrailNames.HumanPrecedence), (defer.Until, defer.Guardrail));

        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.IsType<GuardrailDecision.Allow>(Evaluate(touchpoint, Context(clock.GetUtcNow(), contact, stage: GuardrailStage.Dispatch), Postpone));
    }

    [Fact]
    public void Human_precedence_is_checked_before_every_other_guardrail()
    {
        // Opted out, outside the window and in quiet hours, yet the person's message decides.
        var due = At(3, 23, 30);
        var contact = Contact(lastInbound: due.AddDays(-5), lastAgent: due.AddMinutes(-10), optedOut: true, source: "unfollow");

        var decision = Evaluate(Touchpoint(due, plannedAt: due.AddHours(-1)), Context(due, contact, stage: GuardrailStage.Dispatch));

        Assert.IsType<GuardrailDecision.Cancel>(decision);
    }
}
