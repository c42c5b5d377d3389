using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Topics;
using Triggers.Hosting.Touchpoints;
using Triggers.Hosting.Webhooks;
using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;
using Microsoft.Extensions.Time.Testing;
using Triggers.Core.Contacts;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Topics;
using Triggers.Core.Touchpoints;
using Triggers.Platforms;

namespace Triggers.App.Tests.Webhooks;

public sealed class PassiveRepliesTests
{
    private const string PassiveRule = """[{"type":"message","text":"您好","reply":"passive"}]""";

    [Fact]
    public async Task A_signal_the_platform_cannot_answer_passively_gets_no_answer_and_its_touchpoint_is_left_planned_for_the_dispatcher()
    {
        var store = new MemoryTouchpoints();
        var replies = Create(store);

        var reply = await replies.TryReplyAsync(new Adapter(fails: true), Request(), Channel(), Signal(), CancellationToken.None);

        Assert.Null(reply);
        Assert.Equal(TouchpointStatus.Planned, Assert.Single(store.Items.Values).Status);
    }

    [Fact]
    public async Task The_webhook_records_the_signal_as_decided_with_its_touchpoint_so_the_worker_does_not_decide_it_again()
    {
        var store = new MemoryTouchpoints();
        var signals = new MemorySignals();
        var replies = Create(store, signals: signals);

        await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);

        var recorded = Assert.Single(signals.Items);
        Assert.True(recorded.Decided);
        Assert.Equal([Assert.Single(store.Items.Keys)], recorded.TouchpointIds);
    }

    [Fact]
    public async Task A_passive_reply_is_recorded_once_as_sent_and_a_redelivery_gets_the_same_answer()
    {
        var store = new MemoryTouchpoints();
        var replies = Create(store);

        var first = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);
        var again = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);

        Assert.Equal("reply:您好", first!.Body);
        Assert.Equal("reply:您好", again!.Body);
        var touchpoint = Assert.Single(store.Items.Values);
        Assert.Equal(TouchpointStatus.Sent, touchpoint.Status);
    }

    [Fact]
    public async Task A_platform_retry_after_a_lost_answer_gets_the_same_answer_even_when_the_answer_used_up_the_cap()
    {
        var store = new MemoryTouchpoints();
        var replies = Create(store, capOfOne: true);

        var first = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);
        var retry = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);

        Assert.Equal("reply:您好", first!.Body);
        Assert.Equal("reply:您好", retry?.Body);
        Assert.Equal(TouchpointStatus.Sent, Assert.Single(store.Items.Values).Status);
    }

    [Fact]
    public async Task A_touchpoint_the_worker_already_planned_is_not_answered_passively()
    {
        var store = new MemoryTouchpoints();
        var replies = Create(store);
        var signal = Signal();
        var rule = RuleSet.Compile([Definition()]).Rules[0];
        var planned = Assert.Single(TouchpointPlanner.Plan(rule, signal, TextAnalysis.Neutral("t"), signal.ReceivedAt));
        await store.TryAddAsync(planned, CancellationToken.None);

        var reply = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), signal, CancellationToken.None);

        Assert.Null(reply);
        Assert.Equal(TouchpointStatus.Planned, Assert.Single(store.Items.Values).Status);
    }

    [Fact]
    public async Task A_contact_who_opted_out_gets_no_passive_reply_and_the_touchpoint_is_recorded_as_blocked_by_consent()
    {
        var store = new MemoryTouchpoints();
        var contacts = new MemoryContacts();
        contacts.Items["openid"] = new ContactState { Tenant = "default", Channel = "wx", Contact = "openid", OptedOut = true, ConsentSource = "unfollow", Version = "1" };
        var replies = Create(store, contacts);

        var reply = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal(), CancellationToken.None);

        Assert.Null(reply);
        var touchpoint = Assert.Single(store.Items.Values);
        Assert.Equal((TouchpointStatus.Blocked, GuardrailNames.Consent), (touchpoint.Status, touchpoint.Guardrail));
    }

    [Fact]
    public async Task The_opt_out_message_itself_gets_no_automated_answer()
    {
        var store = new MemoryTouchpoints();
        var replies = Create(store);

        var reply = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal() with { Text = "退订" }, CancellationToken.None);

        Assert.Null(reply);
        Assert.Equal(TouchpointStatus.Blocked, Assert.Single(store.Items.Values).Status);
    }

    [Fact]
    public async Task A_message_in_quiet_hours_gets_no_passive_reply_and_the_touchpoint_is_deferred_to_the_morning()
    {
        var store = new MemoryTouchpoints();
        // 23:30 in Shanghai, the default quiet hours (22:00-08:00).
        var late = new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero);
        var replies = Create(store, clock: new FakeTimeProvider(late));

        var reply = await replies.TryReplyAsync(new Adapter(fails: false), Request(), Channel(), Signal() with { OccurredAt = late, ReceivedAt = late }, CancellationToken.None);

        Assert.Null(reply);
        var touchpoint = Assert.Single(store.Items.Values);
        Assert.Equal((TouchpointStatus.Planned, GuardrailNames.QuietHours), (touchpoint.Status, touchpoint.Guardrail));
        Assert.True(touchpoint.DueAt >= new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), $"deferred to {touchpoint.DueAt:o}");
    }

    private static RuleDefinition Definition() => new("default", "greet", true, 1, """{"==":[1,1]}""", PassiveRule, null, null, "v1");

    private static PassiveReplies Create(
        MemoryTouchpoints store, IContactStateStore? contacts = null, MemorySignals? signals = null, TimeProvider? clock = null, bool capOfOne = false)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?>
        {
            ["Channels:wx:Platform"] = "wechat",
            ["Channels:wx:Token"] = "AAAAA",
        };
        if (capOfOne)
        {
            (values["Tenants:default:Guardrails:PerDay"], values["Tenants:default:Guardrails:SlackShare"]) = ("1", "0");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var channels = ChannelRegistry.Load(configuration, new PlatformRegistry(PlatformAdapters.All), TimeSpan.FromMinutes(5));
        var cache = new RuleCache(new Rules(), new Triggers.App.Tests.Rules.NoRuleHistory(), channels, Options.Create(new ProcessingOptions()), clock, NullLogger<RuleCache>.Instance);
        var topics = new TopicCache(new NoTopics(), Options.Create(new ProcessingOptions()), clock, NullLogger<TopicCache>.Instance);
        var analysis = new SignalAnalysis(new EmbeddedSentimentAnalyzer(), new EmbeddedSentimentAnalyzer(), topics);
        var outbox = new OutboxTouchpointStore(store, new NoEvents(), clock, NullLogger<OutboxTouchpointStore>.Instance);
        var ports = MemoryPorts.Create([], clock) with { Analyzer = analysis, Contacts = contacts ?? new MemoryContacts(), Touchpoints = outbox };
        var policies = GuardrailPolicies.Load(configuration);
        var settings = new DecisionSettings { Guardrails = policies.For, PlatformOf = c => channels.Find(c)?.Platform, Emotion = new EmotionOptions() };
        var decisions = new SignalDecisions(ports, settings, cache, signals ?? new MemorySignals(), NullLogger<SignalDecisions>.Instance);
        return new PassiveReplies(decisions, cache, outbox, new ContactObserver(ports.Contacts, outbox, ports.Ledger), ports.Ledger, policies, new TemplateTexts(configuration), clock, NullLogger<PassiveReplies>.Instance);
    }

    private static ChannelSettings Channel() =>
        new("wx", "wechat", "default", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Token"] = "AAAAA" }, TimeSpan.FromMinutes(5));

    private static WebhookRequest Request() =>
        new("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, DateTimeOffset.UnixEpoch);

    private static Signal Signal() => new()
    {
        Id = SignalIds.Create("default", "wx", "m1"),
        Channel = "wx",
        Platform = "wechat",
        Tenant = "default",
        Kind = SignalKinds.Message,
        Actor = new SignalActor("openid"),
        Text = "你好",
        OccurredAt = new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero),
        ReceivedAt = new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero),
        DedupeKey = "m1",
    };

    private sealed class Rules : IRuleSource
    {
        public Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new RuleSourceSnapshot([Definition()], []));
    }

    private sealed class NoTopics : ITopicSource
    {
        public Task<TopicSourceSnapshot> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new TopicSourceSnapshot([], [], []));
    }

    /// <summary>A cooldown store with nothing stored: every rule passes.</summary>
    private sealed class NoCooldowns : ICooldownStore
    {
        public Task<CooldownRecord?> GetAsync(string tenant, string ruleId, string contact, CancellationToken cancellationToken) =>
            Task.FromResult<CooldownRecord?>(null);

        public Task<bool> TryWriteAsync(string tenant, string ruleId, string contact, CooldownEntry entry, string? expectedVersion, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class Adapter(bool fails) : IPassiveReplyAdapter
    {
        public WebhookReply PassiveText(WebhookRequest request, ChannelSettings channel, Signal signal, string text) =>
            fails ? throw new NotSupportedException("no passive reply for this event") : new WebhookReply(200, "reply:" + text, "text/plain");
    }

    private sealed class MemorySignals : IProcessedSignalStore
    {
        public List<ProcessedSignal> Items { get; } = [];

        public Task SaveAsync(ProcessedSignal signal, CancellationToken cancellationToken)
        {
            Items.RemoveAll(s => s.Signal.Id == signal.Signal.Id);
            Items.Add(signal);
            return Task.CompletedTask;
        }

        public async Task SaveManyAsync(IReadOnlyCollection<ProcessedSignal> signals, CancellationToken cancellationToken)
        {
            foreach (var signal in signals)
            {
                await SaveAsync(signal, cancellationToken);
            }
        }

        public Task<ProcessedSignal?> GetAsync(Signal signal, CancellationToken cancellationToken) =>
            Task.FromResult(Items.FirstOrDefault(s => s.Signal.Id == signal.Id));

        public Task<IReadOnlyList<ProcessedSignal>> ListAsync(string channel, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProcessedSignal>>(Items);

        public Task<IReadOnlyList<ProcessedSignal>> ListForContactAsync(string channel, string contact, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProcessedSignal>>(Items);
    }

    private sealed class MemoryContacts : IContactStateStore
    {
        public Dictionary<string, ContactState> Items { get; } = [];

        public Task<ContactState?> GetAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
            Task.FromResult(Items.GetValueOrDefault(contact));

        public Task<ContactState?> TryWriteAsync(ContactState state, CancellationToken cancellationToken)
        {
            Items[state.Contact] = state with { Version = Guid.NewGuid().ToString() };
            return Task.FromResult<ContactState?>(Items[state.Contact]);
        }
    }

    /// <summary>The passive path records events and never publishes them itself (the webhook cannot wait for a broker).</summary>
    private sealed class NoEvents : ITouchpointEventPublisher
    {
        public string Destination => "nowhere";

        public Task PublishAsync(IReadOnlyList<TouchpointEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The passive-reply path must not publish inside the webhook's time budget.");
    }

    private sealed class MemoryTouchpoints : ITouchpointStore
    {
        public Dictionary<string, Touchpoint> Items { get; } = [];

        public Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken) =>
            Task.FromResult(Items.TryAdd(touchpoint.Id, touchpoint) ? touchpoint : null);

        public Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken) =>
            Task.FromResult(Items.GetValueOrDefault(id));

        public Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Touchpoint>>([.. Items.Values]);

        public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Touchpoint>>([.. Items.Values.Where(t => t.Status == TouchpointStatus.Planned && t.NextLookAt <= now)]);

        public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Touchpoint>>([.. Items.Values.Where(t => t.Status == TouchpointStatus.Planned && t.Channel == channel && t.Contact == contact)]);

        public Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Touchpoint>>([.. Items.Values.Where(t => t.PendingEvents is not null)]);

        public Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
        {
            Items[touchpoint.Id] = touchpoint;
            return Task.FromResult<Touchpoint?>(touchpoint);
        }
    }
}
