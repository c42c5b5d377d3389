using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Emulator;
using Triggers.Core.Decisions;
using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Simulation;
using Triggers.Core.Touchpoints;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Webhooks;
using Triggers.Platforms;
using Triggers.Testing;

namespace Triggers.App.Tests.Processing;

/// <summary>
/// One decision pipeline: the same 1,000 recorded signals (four platforms, every kind, moods, topics, opt-outs, people
/// writing, quiet hours) decided by the queue worker on the table stores, by the webhook's passive-reply path where a
/// passive rule applies, and by the simulator in memory, give the same decisions and the same guardrail outcomes.
/// </summary>
[Collection(LongAppCollection.Name)]
public sealed class DecisionEquivalenceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int SignalCount = 1000;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Kind, string? Text, int Weight)[] Mix =
    [
        (SignalKinds.Message, "请问什么时候有现车", 10),
        (SignalKinds.Message, "续航太短了，冬天掉电好快，很失望", 8),
        (SignalKinds.Message, "太喜欢这个设计了，颜值很高", 6),
        (SignalKinds.Message, "客服一直不回复，太差了", 5),
        (SignalKinds.Message, "退订", 3),
        (SignalKinds.Message, "订阅", 2),
        (SignalKinds.Comment, "续航焦虑，跑高速能到多少公里", 8),
        (SignalKinds.Comment, "好看！", 6),
        (SignalKinds.Danmaku, "续航呢续航呢", 6),
        (SignalKinds.Danmaku, "主播讲得好", 4),
        (SignalKinds.Follow, null, 4),
        (SignalKinds.Unfollow, null, 2),
        (SignalKinds.AgentMessage, "您好，我是顾问小李", 4),
        (SignalKinds.Order, null, 3),
    ];

    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly FakeTimeProvider _clock = new(Start);
    private TriggersAppFactory _app = null!;

    // Its own emulator: the thousand signals' rows would slow every later test's queries on the shared one.
    private AzuriteLauncher _storage = null!;

    private string WeChat => "wx" + _suffix;

    private string Douyin => "dy" + _suffix;

    private string Xiaohongshu => "xhs" + _suffix;

    private string Generic => "gen" + _suffix;

    public async ValueTask InitializeAsync()
    {
        _storage = await AzuriteLauncher.StartIsolatedAsync(logger: null, TestContext.Current.CancellationToken);
        var settings = TriggersAppFactory.WeChatChannel(WeChat, _tenant);
        settings["AzureWebJobsStorage"] = _storage.ConnectionString;
        settings[$"Channels:{Douyin}:Platform"] = "douyin";
        settings[$"Channels:{Douyin}:Tenant"] = _tenant;
        settings[$"Channels:{Douyin}:ClientSecret"] = "douyin-test-secret-0123456789";
        settings[$"Channels:{Xiaohongshu}:Platform"] = "xiaohongshu";
        settings[$"Channels:{Xiaohongshu}:Tenant"] = _tenant;
        settings[$"Channels:{Xiaohongshu}:Token"] = "xhsToken2026";
        settings[$"Channels:{Xiaohongshu}:EncodingAesKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        settings[$"Channels:{Xiaohongshu}:AppId"] = "xhs_mp_test_appid";
        settings[$"Channels:{Xiaohongshu}:AppKey"] = "xhs-app-key";
        settings[$"Channels:{Xiaohongshu}:AppSecret"] = "xhs-app-secret-0123456789";
        settings[$"Channels:{Generic}:Platform"] = "generic";
        settings[$"Channels:{Generic}:Tenant"] = _tenant;
        settings[$"Channels:{Generic}:Secret"] = "generic-test-secret-0123456789abcdef";
        _app = new TriggersAppFactory(azurite, settings, services =>
        {
            services.AddSingleton<TimeProvider>(_clock);

            // Nothing but the test decides or dispatches: no queue pollers, no dispatch or purge timers.
            services.RemoveAll<IHostedService>();
            services.AddHostedService<Triggers.Hosting.Storage.StorageInitializer>();
        });
        _ = _app.Server;
        var rules = _storage.Connection.CreateTableServiceClient().GetTableClient("Rules");
        await rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        foreach (var rule in Rules())
        {
            await rules.UpsertEntityAsync(rule, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task The_worker_the_passive_path_and_the_simulator_decide_a_thousand_signals_alike_and_a_different_guardrail_order_shows()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = _app.Services;
        var worker = services.GetRequiredService<SignalProcessor>();
        var passive = services.GetRequiredService<PassiveReplies>();
        var wechat = (IPassiveReplyAdapter)services.GetRequiredService<PlatformRegistry>().Find("wechat")!;
        var wechatChannel = services.GetRequiredService<ChannelRegistry>().Find(WeChat)!;
        var ruleSet = await services.GetRequiredService<RuleCache>().GetAsync(ct);
        Assert.Equal(6, ruleSet.ForTenant(_tenant).Count);

        var passiveAnswers = 0;
        foreach (var signal in Signals())
        {
            _clock.SetUtcNow(signal.ReceivedAt.AddSeconds(1));
            if (signal.Channel == WeChat)
            {
                var request = new WebhookRequest(
                    "POST", new Dictionary<string, string> { ["nonce"] = "n" + signal.DedupeKey }, new Dictionary<string, string>(), "<xml/>"u8.ToArray(), signal.ReceivedAt);
                passiveAnswers += await passive.TryReplyAsync(wechat, request, wechatChannel, signal, ct) is null ? 0 : 1;
            }

            // After a passive reply the worker finds the signal decided and leaves it; otherwise it decides it.
            await worker.ProcessAsync(signal, ct);
        }

        var stored = await StoredDecisionsAsync(ct);
        var recorded = await RecordedSignalsAsync(ct);
        var settings = services.GetRequiredService<DecisionSettings>();
        var simulated = await SimulatedDecisionsAsync(recorded, settings, ct);

        Assert.Equal(SignalCount, recorded.Count);
        Assert.All(recorded, r => Assert.True(r.Decided));
        Assert.InRange(passiveAnswers, 20, SignalCount);
        Assert.InRange(stored.Count, 500, 10_000);
        var differences = Differences(stored, simulated);
        Assert.True(differences.Count == 0, $"{differences.Count} decision(s) differ; the first: " + string.Join(Environment.NewLine, differences.Take(8)));

        // The mix reaches every guardrail, so agreement is about something.
        var outcomes = stored.Values.Select(d => d.Guardrail).Where(g => g is not null).ToHashSet();
        Assert.Superset(new HashSet<string?> { GuardrailNames.Consent, GuardrailNames.QuietHours, GuardrailNames.FrequencyCap, GuardrailNames.PlatformPolicy, GuardrailNames.HumanPrecedence }, outcomes);

        // Given another guardrail order, one path decides differently, and the comparison says so.
        var reordered = await SimulatedDecisionsAsync(recorded, settings with { GuardrailOrder = [.. GuardrailEvaluator.DefaultOrder.Reverse()] }, ct);
        Assert.NotEmpty(Differences(stored, reordered));
    }

    /// <summary>What was decided for one action of one rule on one signal.</summary>
    private sealed record Decision(string Status, string? Guardrail, DateTimeOffset DueAt, string? Reason);

    private static List<string> Differences(Dictionary<(string, string, string), Decision> expected, Dictionary<(string, string, string), Decision> actual)
    {
        var differences = new List<string>();
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var (a, b) = (expected.GetValueOrDefault(key), actual.GetValueOrDefault(key));
            if (a != b)
            {
                differences.Add($"{key}: {a} vs {b}");
            }
        }

        return differences;
    }

    /// <summary>Every touchpoint the worker and the passive path stored; one sent as a passive reply was decided as planned.</summary>
    private async Task<Dictionary<(string, string, string), Decision>> StoredDecisionsAsync(CancellationToken ct)
    {
        var touchpoints = await _app.Services.GetRequiredService<ITouchpointStore>().ListAsync(_tenant, null, 100_000, ct);
        Assert.Contains(touchpoints, t => t.Status == TouchpointStatus.Sent);
        return touchpoints.ToDictionary(
            t => (t.RuleId, t.SignalId, t.Type),
            t => new Decision(t.Status == TouchpointStatus.Sent ? TouchpointStatus.Planned : t.Status, t.Guardrail, t.DueAt, t.StatusReason));
    }

    private async Task<List<ProcessedSignal>> RecordedSignalsAsync(CancellationToken ct)
    {
        var store = _app.Services.GetRequiredService<IProcessedSignalStore>();
        var all = new List<ProcessedSignal>();
        foreach (var channel in new[] { WeChat, Douyin, Xiaohongshu, Generic })
        {
            all.AddRange(await store.ListAsync(channel, 100_000, ct));
        }

        return all;
    }

    private async Task<Dictionary<(string, string, string), Decision>> SimulatedDecisionsAsync(
        List<ProcessedSignal> recorded, DecisionSettings settings, CancellationToken ct)
    {
        var rules = await _app.Services.GetRequiredService<RuleCache>().GetAsync(ct);
        var report = await RuleSimulator.RunAsync(SimulationRules.Live(rules, []), recorded, _tenant, settings, ct);
        return report.Results
            .SelectMany(r => r.Touchpoints.Select(t => (Rule: r.Id, Touchpoint: t)))
            .ToDictionary(x => (x.Rule, x.Touchpoint.SignalId, x.Touchpoint.Type), x => new Decision(x.Touchpoint.Status, x.Touchpoint.Guardrail, x.Touchpoint.DueAt, x.Touchpoint.Reason));
    }

    private IEnumerable<TableEntity> Rules()
    {
        TableEntity Rule(string id, int priority, string when, string then, string? cooldown = null) => new(_tenant, id)
        {
            ["Enabled"] = true,
            ["Priority"] = priority,
            ["When"] = when,
            ["Then"] = then,
            ["Cooldown"] = cooldown,
            ["Version"] = "v1",
        };

        yield return Rule("greet", 60, """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"您好，收到您的消息","reply":"passive"}]""", "PT6H");
        yield return Rule("negative-care", 50, """{"==":[{"var":"sentiment.label"},"negative"]}""",
            """[{"type":"handoff","text":"请人工跟进"},{"type":"message","text":"抱歉给您带来不便","delay":"PT20M","slack":0.3}]""", "P1D");
        yield return Rule("range-worry", 40, """{"in":["range_anxiety",{"var":"topics"}]}""",
            """[{"type":"invite","text":"续航实测直播","delay":"PT30M","slack":0.2,"uses":["digital-human-livestream"]}]""", "PT12H");
        yield return Rule("range-peak", 30, """{"==":[{"var":"emotion.range_anxiety.peak"},true]}""", """[{"type":"coupon","text":"试驾券","delay":"PT2H"}]""");
        yield return Rule("every-comment", 20, """{"in":[{"var":"signal.kind"},["comment","danmaku"]]}""", """[{"type":"message","text":"谢谢关注","delay":"PT1H","slack":0.5}]""");
        yield return Rule("order-alert", 10, """{"==":[{"var":"signal.kind"},"order"]}""", """[{"type":"alert","text":"新订单"}]""");
    }

    /// <summary>1,000 signals over three days, from 30 contacts on four platforms, in time order; the same on every run.</summary>
    private List<Signal> Signals()
    {
        var random = new Random(20261206);
        var channels = new[] { (WeChat, "wechat"), (Douyin, "douyin"), (Xiaohongshu, "xiaohongshu"), (Generic, "generic") };
        var total = Mix.Sum(m => m.Weight);
        var signals = new List<Signal>(SignalCount);
        for (var i = 0; i < SignalCount; i++)
        {
            var pick = random.Next(total);
            var (kind, text, _) = Mix.First(m => (pick -= m.Weight) < 0);
            // People write on the other platforms: a passive reply already went out, so it cannot give way to them.
            var (channel, platform) = kind == SignalKinds.AgentMessage ? channels[1 + random.Next(channels.Length - 1)] : channels[random.Next(channels.Length)];
            var at = Start.AddSeconds(random.Next(3 * 24 * 3600));
            var key = $"m{i:D4}";
            signals.Add(new Signal
            {
                Id = SignalIds.Create(_tenant, channel, key),
                Channel = channel,
                Platform = platform,
                Tenant = _tenant,
                Kind = kind,
                Type = "text",
                Actor = new SignalActor($"contact-{random.Next(30):D2}"),
                Text = text,
                OccurredAt = at,
                ReceivedAt = at.AddSeconds(1),
                DedupeKey = key,
                Attributes = kind == SignalKinds.Danmaku
                    ? new Dictionary<string, string> { ["room_id"] = "room-1" }
                    : new Dictionary<string, string> { ["ToUserName"] = "gh_brand" },
            });
        }

        return [.. signals.OrderBy(s => s.OccurredAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }
}
