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
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.People;

/// <summary>One person across platforms at planning: consent and caps count over every linked account.</summary>
public sealed class PersonGuardrailTests
{
    private static readonly Dictionary<string, string> Platforms = new() { ["wx"] = "wechat", ["dy"] = "douyin" };

    private static readonly DecisionSettings Settings = new()
    {
        Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false, PerDay = 3, PerWeek = 20, SlackShare = 0 },
        PlatformOf = channel => Platforms.GetValueOrDefault(channel),
        ChannelsOf = (_, platform) => [.. Platforms.Where(p => p.Value == platform).Select(p => p.Key)],
        Emotion = new EmotionOptions(),
    };

    private static readonly RuleSet Rules = RuleSet.Compile([TestSignals.Rule("reply", then: """[{"type": "message", "text": "收到", "delay": "PT1H"}]""")]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Signal On(string channel, string actor, int n, string text = "你好") => TestSignals.Message($"{channel}-{actor}-{n}", text) with
    {
        Channel = channel,
        Platform = Platforms[channel],
        Actor = new SignalActor(actor),
        OccurredAt = TestSignals.OccurredAt.AddMinutes(n),
        DedupeKey = $"{channel}-{actor}-{n}",
    };

    private static DecisionPorts Ports(IEnumerable<Signal> signals) =>
        MemoryPorts.Create([.. signals.Select(s => new ProcessedSignal(s, TestSignals.Angry(), s.OccurredAt))], new FakeTimeProvider(TestSignals.OccurredAt.AddMinutes(30)));

    private static async Task<List<Touchpoint>> DecideAllAsync(DecisionPipeline pipeline, IEnumerable<Signal> signals)
    {
        var touchpoints = new List<Touchpoint>();
        foreach (var signal in signals)
        {
            touchpoints.AddRange((await pipeline.DecideAsync(signal, Rules, Ct)).Touchpoints);
        }

        return touchpoints;
    }

    [Fact]
    public async Task A_person_linked_on_wechat_and_douyin_gets_at_most_the_daily_cap_across_both()
    {
        Signal[] signals = [On("wx", "o1", 1), On("dy", "d1", 2), On("wx", "o1", 3), On("dy", "d1", 4), On("dy", "d1", 5)];
        var ports = Ports(signals);
        await new PersonLinker(ports.People, ports.Time).LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);

        var touchpoints = await DecideAllAsync(new DecisionPipeline(ports, Settings), signals);

        Assert.Equal(3, touchpoints.Count(t => t.Status == TouchpointStatus.Planned));
        Assert.Equal(
            [TouchpointStatus.Planned, TouchpointStatus.Planned, TouchpointStatus.Planned, TouchpointStatus.Blocked, TouchpointStatus.Blocked],
            touchpoints.Select(t => t.Status));
        Assert.All(touchpoints.Skip(3), t => Assert.Equal(GuardrailNames.FrequencyCap, t.Guardrail));
    }

    [Fact]
    public async Task The_same_accounts_unlinked_each_get_their_own_cap()
    {
        Signal[] signals = [On("wx", "o1", 1), On("dy", "d1", 2), On("wx", "o1", 3), On("dy", "d1", 4), On("dy", "d1", 5)];
        var ports = Ports(signals);
        var linker = new PersonLinker(ports.People, ports.Time);
        await linker.LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);
        await linker.UnlinkAsync("default", new("douyin", "d1"), "test", Ct);

        var touchpoints = await DecideAllAsync(new DecisionPipeline(ports, Settings), signals);

        Assert.All(touchpoints, t => Assert.Equal(TouchpointStatus.Planned, t.Status));
    }

    [Fact]
    public async Task An_opt_out_on_douyin_blocks_automation_on_wechat_and_says_which_account_opted_out()
    {
        Signal[] signals = [On("dy", "d1", 1, "退订"), On("wx", "o1", 2)];
        var ports = Ports(signals);
        await new PersonLinker(ports.People, ports.Time).LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);

        var touchpoints = await DecideAllAsync(new DecisionPipeline(ports, Settings), signals);

        var onWeChat = Assert.Single(touchpoints, t => t.Channel == "wx");
        Assert.Equal((TouchpointStatus.Blocked, GuardrailNames.Consent), (onWeChat.Status, onWeChat.Guardrail));
        Assert.Contains("the same person (d1 on dy) opted out", onWeChat.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_see_the_persons_id_and_platforms_and_an_account_linked_to_nobody_keeps_its_actor_id()
    {
        Signal[] signals = [On("dy", "d1", 1), On("dy", "d2", 2)];
        var ports = Ports(signals);
        await new PersonLinker(ports.People, ports.Time).LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);
        var rules = RuleSet.Compile([TestSignals.Rule(
            "member-on-both",
            when: """{"and": [{"==": [{"var": "contact.id"}, "member:M-1"]}, {"in": ["wechat", {"var": "contact.platforms"}]}]}"""),
            TestSignals.Rule("alone", when: """{"and": [{"==": [{"var": "contact.id"}, "d2"]}, {"in": ["douyin", {"var": "contact.platforms"}]}, {"!": {"in": ["wechat", {"var": "contact.platforms"}]}}]}""")]);
        var pipeline = new DecisionPipeline(ports, Settings);

        var linked = await pipeline.DecideAsync(signals[0], rules, Ct);
        var alone = await pipeline.DecideAsync(signals[1], rules, Ct);

        Assert.Equal(["member-on-both"], linked.Touchpoints.Select(t => t.RuleId));
        Assert.Equal(["alone"], alone.Touchpoints.Select(t => t.RuleId));
    }

    [Fact]
    public async Task An_identify_signal_links_before_its_own_rules_so_the_next_signal_counts_per_person()
    {
        var identify = On("wx", "o1", 1) with
        {
            Kind = SignalKinds.Identify,
            Text = null,
            Attributes = new Dictionary<string, string> { ["member"] = "M-9", ["accounts"] = "douyin:d1" },
        };
        Signal[] signals = [identify, On("dy", "d1", 2, "退订"), On("wx", "o1", 3)];
        var ports = Ports(signals);
        var onlyMessages = RuleSet.Compile([TestSignals.Rule("reply", when: """{"==": [{"var": "signal.kind"}, "message"]}""", then: """[{"type": "message", "text": "收到", "delay": "PT1H"}]""")]);
        var pipeline = new DecisionPipeline(ports, Settings);

        foreach (var signal in signals[..2])
        {
            await pipeline.DecideAsync(signal, onlyMessages, Ct);
        }

        var last = Assert.Single((await pipeline.DecideAsync(signals[2], onlyMessages, Ct)).Touchpoints);
        Assert.Equal("member:M-9", (await new PersonLinker(ports.People, ports.Time).FindAsync("default", new("douyin", "d1"), Ct)).Id);
        Assert.Equal(GuardrailNames.Consent, last.Guardrail);
    }
}
