using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.People;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Tests.Support;
using Triggers.Core.Trust;

namespace Triggers.Core.Tests.Trust;

/// <summary>Trust scored per signal in the decision pipeline, once per signal id, across a person's accounts.</summary>
public sealed class TrustPipelineTests
{
    private static readonly ScoringSet Scoring = ScoringSet.Compile(
    [
        new("default", "answer", new Dictionary<string, object?> { ["Component"] = "community", ["When"] = """{"==": [{"var": "signal.attributes.event"}, "answer"]}""", ["Points"] = 25 }),
    ]);

    private static readonly DecisionSettings Settings = new()
    {
        Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false, PerDay = 50, PerWeek = 50, SlackShare = 0 },
        PlatformOf = channel => channel == "wx" ? "wechat" : "douyin",
        Emotion = new EmotionOptions(),
        Scoring = (tenant, _) => ValueTask.FromResult(Scoring.For(tenant)),
    };

    private static readonly RuleSet Rules = RuleSet.Compile([TestSignals.Rule("helper", when: """{">=": [{"var": "contact.trust.community"}, 60]}""", then: """[{"type": "tag", "text": "helper"}]""")]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Signal Answer(string channel, string actor, string id) => TestSignals.Message(id, "这个是假货，看防伪码") with
    {
        Channel = channel, Platform = channel == "wx" ? "wechat" : "douyin", Actor = new SignalActor(actor), DedupeKey = id,
        Attributes = new Dictionary<string, string> { ["event"] = "answer" },
    };

    [Fact]
    public async Task Answers_to_others_raise_community_trust_once_per_signal_and_a_linked_persons_accounts_count_together()
    {
        Signal[] signals = [Answer("wx", "o1", "a1"), Answer("dy", "d1", "a2")];
        var time = new FakeTimeProvider(TestSignals.OccurredAt.AddMinutes(30));
        var ports = MemoryPorts.Create([.. signals.Select(s => new ProcessedSignal(s, TestSignals.Angry(), s.OccurredAt))], time);
        var pipeline = new DecisionPipeline(ports, Settings);

        var first = await pipeline.DecideAsync(signals[0], Rules, Ct);
        var again = await pipeline.DecideAsync(signals[0], Rules, Ct);
        await new PersonLinker(ports.People, time).LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);
        time.Advance(PersonContacts.NobodyLinkedFor); // A link made elsewhere is seen once the tenant's "links nobody" note lapses.
        var linked = await pipeline.DecideAsync(signals[1], Rules, Ct);
        var person = await TrustReader.ViewAsync(ports.Trust, "default", ["wechat:o1", "douyin:d1"], TrustSettings.Default, time.GetUtcNow(), Ct);
        await new PersonLinker(ports.People, time).UnlinkAsync("default", new("douyin", "d1"), "test", Ct);
        var alone = await TrustReader.ViewAsync(ports.Trust, "default", ["douyin:d1"], TrustSettings.Default, time.GetUtcNow(), Ct);

        // 25 points: 100 × (1 − e^−0.5) = 39.3, under the rule's 60; twice 25 across the person: 63.2.
        Assert.Empty(first.Touchpoints);
        Assert.Empty(again.Touchpoints);
        Assert.Single(linked.Touchpoints);
        Assert.Equal(63.2, person.Components[TrustComponents.Community].Score);
        Assert.Equal(39.3, alone.Components[TrustComponents.Community].Score);
    }
}
