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

namespace Triggers.Core.Tests.People;

/// <summary>Keys a payload carries (a unionid, a phone number's hash) make the accounts that carry them one person.</summary>
public sealed class PayloadLinkTests
{
    private static readonly Dictionary<string, string> Platforms = new() { ["wx"] = "wechat", ["wc"] = "wecom", ["dy"] = "douyin", ["crm"] = "generic" };

    private static readonly DecisionSettings Settings = new()
    {
        Guardrails = _ => new GuardrailOptions { QuietHoursEnabled = false },
        PlatformOf = channel => Platforms.GetValueOrDefault(channel),
        Emotion = new EmotionOptions(),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Signal From(string channel, string actor, string id, params (string Key, string Value)[] attributes) => TestSignals.Message(id, "你好") with
    {
        Channel = channel, Platform = Platforms[channel], Actor = new SignalActor(actor), DedupeKey = id,
        Attributes = attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
    };

    private static async Task<(DecisionPorts Ports, List<SignalDecision> Decisions)> DecideAsync(params Signal[] signals)
    {
        var ports = MemoryPorts.Create([.. signals.Select(s => new ProcessedSignal(s, TestSignals.Angry(), s.OccurredAt))], new FakeTimeProvider(TestSignals.OccurredAt));
        var pipeline = new DecisionPipeline(ports, Settings);
        var decisions = new List<SignalDecision>();
        foreach (var signal in signals)
        {
            decisions.Add(await pipeline.DecideAsync(signal, RuleSet.Empty, Ct));
        }

        return (ports, decisions);
    }

    [Fact]
    public async Task A_wechat_and_a_wecom_account_with_the_same_unionid_become_one_person()
    {
        var (ports, _) = await DecideAsync(From("wx", "o1", "s1", ("unionid", "U-1")), From("wc", "e1", "s2", ("unionid", "U-1")), From("wc", "e2", "s3", ("unionid", "U-2")));

        var person = await new PersonLinker(ports.People, ports.Time).FindAsync("default", new AccountRef("wecom", "e1"), Ct);

        Assert.Equal(["unionid:U-1", "wechat:o1", "wecom:e1"], person.Accounts.Select(a => a.Account.ToString()).Order(StringComparer.Ordinal));
        Assert.All(person.Accounts, a => Assert.Equal(LinkSources.Payload, a.Source));
        Assert.DoesNotContain((await new PersonLinker(ports.People, ports.Time).FindAsync("default", new AccountRef("wecom", "e2"), Ct)).Accounts, a => a.Id == "o1");
    }

    [Fact]
    public async Task A_douyin_buyer_and_a_crm_member_with_the_same_phone_hash_are_one_member_and_two_members_are_never_merged()
    {
        var hash = IdentityKeys.HashPhone("a-salt-of-sixteen-chars", "13800138000");
        var (ports, decisions) = await DecideAsync(
            From("crm", "c1", "s0") with { Kind = SignalKinds.Identify, Attributes = new Dictionary<string, string> { ["member"] = "M-1" } },
            From("crm", "c1", "s1", ("phoneHash", hash)),
            From("dy", "d1", "s2", ("phoneHash", hash)),
            From("crm", "c2", "s3") with { Kind = SignalKinds.Identify, Attributes = new Dictionary<string, string> { ["member"] = "M-2" } },
            From("crm", "c2", "s4", ("phoneHash", hash)));

        var buyer = await new PersonLinker(ports.People, ports.Time).FindAsync("default", new AccountRef("douyin", "d1"), Ct);

        Assert.Equal("member:M-1", buyer.Id);
        Assert.Contains(buyer.Accounts, a => a.Account == new AccountRef("phone", hash));
        Assert.Contains("different brand members", decisions[4].LinkRefusal, StringComparison.Ordinal);
    }
}
