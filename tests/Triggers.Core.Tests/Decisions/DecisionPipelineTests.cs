using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Contacts;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Touchpoints;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Decisions;

public sealed class DecisionPipelineTests
{
    private static readonly DecisionSettings Settings = new()
    {
        Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false, PerDay = 1, SlackShare = 0 },
        PlatformOf = _ => null,
        Emotion = new EmotionOptions(),
    };

    [Fact]
    public async Task A_signal_decided_again_keeps_the_verdict_recorded_the_first_time_even_when_a_second_judgement_would_differ()
    {
        var ct = TestContext.Current.CancellationToken;
        var signal = TestSignals.Message();
        var ports = MemoryPorts.Create([new ProcessedSignal(signal, TestSignals.Angry(), signal.OccurredAt)], new FakeTimeProvider(signal.OccurredAt.AddSeconds(2)));
        var pipeline = new DecisionPipeline(ports, Settings);
        var rules = RuleSet.Compile([TestSignals.Rule("reply")]);

        var first = Assert.Single((await pipeline.DecideAsync(signal, rules, ct)).Touchpoints);
        // The touch went out since: the ledger now holds it (entered as the dispatcher enters it), so a fresh judgement
        // would find the daily cap (1) used up.
        var day = DateOnly.FromDateTime(signal.OccurredAt.UtcDateTime);
        await new ContactObserver(ports.Contacts, ports.Touchpoints, ports.Ledger).RaiseLastTouchedAsync(null, first.Tenant, first.Channel, first.Contact, day, ct);
        await ports.Ledger.RecordAsync(first.Tenant, first.Channel, first.Contact, day, first.Id, automated: true, ct);
        var again = Assert.Single((await pipeline.DecideAsync(signal, rules, ct)).Touchpoints);

        Assert.Equal(TouchpointStatus.Planned, first.Status);
        Assert.Equal((first.Id, TouchpointStatus.Planned, (string?)null), (again.Id, again.Status, again.Guardrail));

        // The contact's planned touches follow the verdict that stands, not the second judgement (which said blocked).
        var state = await ports.Contacts.GetAsync(first.Tenant, first.Channel, first.Contact, ct);
        Assert.Equal([first.Id], state!.Planned!.Select(p => p.Id));
    }

    [Fact]
    public async Task Each_touch_a_signal_plans_counts_against_the_cap_for_the_next_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var signal = TestSignals.Message();
        var ports = MemoryPorts.Create([new ProcessedSignal(signal, TestSignals.Angry(), signal.OccurredAt)], new FakeTimeProvider(signal.OccurredAt.AddSeconds(2)));
        var rules = RuleSet.Compile([TestSignals.Rule("first", priority: 2), TestSignals.Rule("second", priority: 1)]);

        var decision = await new DecisionPipeline(ports, Settings).DecideAsync(signal, rules, ct);

        Assert.Equal(
            [("first", TouchpointStatus.Planned), ("second", TouchpointStatus.Blocked)],
            decision.Touchpoints.Select(t => (t.RuleId, t.Status)));
        Assert.Equal(GuardrailNames.FrequencyCap, decision.Touchpoints.Last().Guardrail);
    }

    [Fact]
    public async Task A_contacts_second_signal_counts_the_touch_its_first_planned_from_the_contacts_state_without_querying_the_touchpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = (TestSignals.Message("sig-1"), TestSignals.Message("sig-2") with { OccurredAt = TestSignals.OccurredAt.AddMinutes(1) });
        var touchpoints = new CountingTouchpoints();
        var ports = Ports([first, second], touchpoints, new CountingLedger());
        var rules = RuleSet.Compile([TestSignals.Rule("later", then: """[{"type": "message", "text": "hi", "delay": "PT2H"}]""")]);
        var pipeline = new DecisionPipeline(ports, Settings);

        var planned = Assert.Single((await pipeline.DecideAsync(first, rules, ct)).Touchpoints);
        var blocked = Assert.Single((await pipeline.DecideAsync(second, rules, ct)).Touchpoints);

        Assert.Equal(TouchpointStatus.Planned, planned.Status);
        Assert.Equal((TouchpointStatus.Blocked, GuardrailNames.FrequencyCap), (blocked.Status, blocked.Guardrail));
        Assert.Equal(0, touchpoints.Queries);
        var state = await ports.Contacts.GetAsync("default", "wechat-main", "o-actor-1", ct);
        Assert.Equal([planned.Id], state!.Planned!.Select(p => p.Id));
    }

    [Fact]
    public async Task Planning_reads_the_send_ledger_only_once_the_contact_was_touched_in_the_week_it_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = (TestSignals.Message("sig-1"), TestSignals.Message("sig-2") with { OccurredAt = TestSignals.OccurredAt.AddMinutes(1) });
        var ledger = new CountingLedger();
        var ports = Ports([first, second], new CountingTouchpoints(), ledger);
        var rules = RuleSet.Compile([TestSignals.Rule("now")]);
        var pipeline = new DecisionPipeline(ports, Settings);

        var sent = Assert.Single((await pipeline.DecideAsync(first, rules, ct)).Touchpoints);
        var talliesForANewContact = ledger.Tallies;
        // The touch went out, entered in the ledger as the dispatcher enters it.
        var day = DateOnly.FromDateTime(first.OccurredAt.UtcDateTime);
        await new ContactObserver(ports.Contacts, ports.Touchpoints, ledger).RaiseLastTouchedAsync(null, "default", "wechat-main", "o-actor-1", day, ct);
        await ledger.RecordAsync("default", "wechat-main", "o-actor-1", day, sent.Id, automated: true, ct);
        await ports.Touchpoints.TryReplaceAsync((await ports.Touchpoints.GetAsync("default", sent.Id, ct))! with { Status = TouchpointStatus.Sent }, ct);
        var next = Assert.Single((await pipeline.DecideAsync(second, rules, ct)).Touchpoints);

        Assert.Equal(0, talliesForANewContact);
        Assert.Equal(1, ledger.Tallies);
        Assert.Equal((TouchpointStatus.Blocked, GuardrailNames.FrequencyCap), (next.Status, next.Guardrail));
    }

    [Theory]
    [InlineData(HumanPrecedenceMode.Cancel)]
    [InlineData(HumanPrecedenceMode.Postpone)]
    public async Task A_planned_touch_a_person_cancelled_or_postponed_to_another_day_no_longer_uses_up_that_days_cap(HumanPrecedenceMode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = (TestSignals.Message("sig-1"), TestSignals.Message("sig-2") with { OccurredAt = TestSignals.OccurredAt.AddMinutes(2) });
        var touchpoints = new CountingTouchpoints();
        var ports = Ports([first, second], touchpoints, new CountingLedger());
        var settings = Settings with { Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false, PerDay = 1, SlackShare = 0, HumanPrecedence = mode, PostponeBy = TimeSpan.FromDays(1) } };
        var rules = RuleSet.Compile([TestSignals.Rule("later", then: """[{"type": "message", "text": "hi", "delay": "PT2H"}]""")]);
        var pipeline = new DecisionPipeline(ports, settings);
        var gaveWay = Assert.Single((await pipeline.DecideAsync(first, rules, ct)).Touchpoints);
        var person = TestSignals.OccurredAt.AddMinutes(3); // after the touch was planned (the clock reads +2 min)

        var changed = await new ContactObserver(ports.Contacts, touchpoints, ports.Ledger).GiveWayAsync("default", "wechat-main", "o-actor-1", person, settings.Guardrails("default"), ct);
        var next = Assert.Single((await pipeline.DecideAsync(second, rules, ct)).Touchpoints);

        Assert.Equal(gaveWay.Id, Assert.Single(changed).Id);
        Assert.Equal((TouchpointStatus.Planned, (string?)null), (next.Status, next.Guardrail));
        // One query in all: the give-way's own, of the contact's planned touchpoints; planning made none.
        Assert.Equal(1, touchpoints.Queries);
    }

    private static DecisionPorts Ports(Signals.Signal[] signals, ITouchpointStore touchpoints, ISendLedger ledger) =>
        MemoryPorts.Create([.. signals.Select(s => new ProcessedSignal(s, TestSignals.Angry(), s.OccurredAt))], new FakeTimeProvider(TestSignals.OccurredAt.AddMinutes(2)))
            with { Touchpoints = touchpoints, Ledger = ledger };
}
