using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Coins;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.People;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Coins;

/// <summary>Rules reading the person's wallet: <c>contact.coins.balance</c>, <c>xp</c> and <c>earned30d</c>.</summary>
public sealed class CoinsConditionTests
{
    private static readonly DecisionSettings Settings = new()
    {
        Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false, PerDay = 50, PerWeek = 50, SlackShare = 0 },
        PlatformOf = channel => channel == "wx" ? "wechat" : "douyin",
        Emotion = new EmotionOptions(),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Signal From(string channel, string actor, string id) => TestSignals.Message(id, "你好") with
    {
        Channel = channel, Platform = channel == "wx" ? "wechat" : "douyin", Actor = new SignalActor(actor), DedupeKey = id,
    };

    [Fact]
    public async Task A_rule_on_the_persons_balance_fires_for_any_linked_account_once_the_coins_are_there()
    {
        Signal[] signals = [From("dy", "d1", "s1"), From("dy", "d1", "s2"), From("dy", "d1", "s3")];
        var time = new FakeTimeProvider(TestSignals.OccurredAt.AddMinutes(30));
        var ports = MemoryPorts.Create([.. signals.Select(s => new ProcessedSignal(s, TestSignals.Angry(), s.OccurredAt))], time);
        await new PersonLinker(ports.People, time).LinkAsync("default", [new("wechat", "o1"), new("douyin", "d1")], "M-1", LinkSources.Identify, "test", Ct);
        var rules = RuleSet.Compile([TestSignals.Rule("salon", when: """{"and": [{">=": [{"var": "contact.coins.balance"}, 300]}, {">=": [{"var": "contact.coins.earned30d"}, 300]}]}""")]);
        var pipeline = new DecisionPipeline(ports, Settings);

        var before = await pipeline.DecideAsync(signals[0], rules, Ct);
        await ports.Coins.ApplyAsync("default", "member:M-1", new CoinOperation("d1", CoinKinds.Deposit, 300, 0, "check-ins", "test"), Ct);
        var after = await pipeline.DecideAsync(signals[1], rules, Ct);
        time.Advance(TimeSpan.FromDays(31));
        var later = await pipeline.DecideAsync(signals[2], rules, Ct);

        Assert.Empty(before.Touchpoints);
        Assert.Single(after.Touchpoints);
        Assert.Empty(later.Touchpoints);
    }

    [Fact]
    public void Only_tenants_whose_rules_name_the_wallet_pay_for_reading_it()
    {
        var rules = RuleSet.Compile(
        [
            TestSignals.Rule("salon", when: """{">=": [{"var": "contact.coins.balance"}, 300]}""", tenant: "readers"),
            TestSignals.Rule("hello", when: """{"==": [{"var": "signal.kind"}, "message"]}""", tenant: "shop"),
        ]);

        Assert.Equal((true, false, false), (rules.Mentions("readers", "contact.coins"), rules.Mentions("readers", "contact.coins.earned30d"), rules.Mentions("shop", "contact.coins")));
    }
}
