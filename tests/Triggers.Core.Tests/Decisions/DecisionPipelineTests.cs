using Microsoft.Extensions.Time.Testing;
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
        // The touch went out since: the ledger now holds it, so a fresh judgement would find the daily cap (1) used up.
        await ports.Ledger.RecordAsync(first.Tenant, first.Channel, first.Contact, DateOnly.FromDateTime(signal.OccurredAt.UtcDateTime), first.Id, automated: true, ct);
        var again = Assert.Single((await pipeline.DecideAsync(signal, rules, ct)).Touchpoints);

        Assert.Equal(TouchpointStatus.Planned, first.Status);
        Assert.Equal((first.Id, TouchpointStatus.Planned, (string?)null), (again.Id, again.Status, again.Guardrail));
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
}
