using Microsoft.Extensions.Logging.Abstractions;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Stores;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;
using Triggers.Hosting.Touchpoints;
using Triggers.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Triggers.App.Tests.Touchpoints;

/// <summary>The touchpoint event outbox over the real table store on Azurite, with a publisher that can be made to fail.</summary>
public sealed class OutboxTouchpointStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
    private readonly string _tenant = "ob" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly RecordingPublisher _publisher = new();

    private async Task<(OutboxTouchpointStore Outbox, TableTouchpointStore Table)> StoresAsync()
    {
        var tables = TestStorage.Connection(azurite).CreateTableServiceClient();
        await tables.GetTableClient(TableNames.Touchpoints).CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        var table = new TableTouchpointStore(tables);
        return (new OutboxTouchpointStore(table, _publisher, _clock, NullLogger<OutboxTouchpointStore>.Instance), table);
    }

    [Fact]
    public async Task A_new_touchpoint_is_announced_at_once_and_nothing_stays_pending()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();

        var added = await outbox.TryAddAsync(Touchpoint("tp1"), ct);

        Assert.NotNull(added);
        Assert.Equal(["tp1.planned"], _publisher.Ids);
        Assert.Null((await table.GetAsync(_tenant, "tp1", ct))!.PendingEvents);
        Assert.Equal(added.Version, (await table.GetAsync(_tenant, "tp1", ct))!.Version);
    }

    [Fact]
    public async Task An_event_the_broker_refused_stays_pending_and_the_sweep_publishes_it_under_the_same_id_a_minute_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        _publisher.Fail = true;
        await outbox.TryAddAsync(Touchpoint("tp2"), ct);
        Assert.NotNull((await table.GetAsync(_tenant, "tp2", ct))!.PendingEvents);
        _publisher.Fail = false;

        Assert.Equal(0, await outbox.PublishPendingAsync(_tenant, 100, ct)); // not a minute old yet
        _clock.Advance(OutboxTouchpointStore.SweepAfter);
        var swept = await outbox.PublishPendingAsync(_tenant, 100, ct);

        Assert.Equal(1, swept);
        Assert.Equal(["tp2.planned"], _publisher.Ids);
        Assert.Null((await table.GetAsync(_tenant, "tp2", ct))!.PendingEvents);
        Assert.Equal(0, await outbox.PublishPendingAsync(_tenant, 100, ct));
    }

    [Fact]
    public async Task The_sweep_leaves_a_touchpoint_alone_while_a_dispatcher_holds_its_lease()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        _publisher.Fail = true;
        var added = await outbox.TryAddAsync(Touchpoint("tp3"), ct);
        var claimed = await outbox.TryReplaceAsync(added! with { Status = TouchpointStatus.Sending, LeaseUntil = T0.AddMinutes(5) }, ct);
        _publisher.Fail = false;
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, await outbox.PublishPendingAsync(_tenant, 100, ct));

        // The dispatcher's version still holds, so its outcome write goes through.
        Assert.Equal(claimed!.Version, (await table.GetAsync(_tenant, "tp3", ct))!.Version);
        _clock.Advance(TimeSpan.FromMinutes(4)); // the lease ran out: the dispatcher died
        Assert.Equal(1, await outbox.PublishPendingAsync(_tenant, 100, ct));
    }

    [Fact]
    public async Task An_outcome_write_announces_only_its_own_event_and_leaves_an_older_pending_one_to_the_sweep()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        _publisher.Fail = true;
        var added = await outbox.TryAddAsync(Touchpoint("tp4"), ct);
        _publisher.Fail = false;

        await outbox.TryReplaceAsync(added! with { Status = TouchpointStatus.Blocked, Guardrail = GuardrailNames.Consent }, ct);

        Assert.Equal(["tp4.blocked"], _publisher.Ids);
        Assert.Equal(TouchpointEventTypes.Planned, Assert.Single(TouchpointOutbox.Pending((await table.GetAsync(_tenant, "tp4", ct))!)).Type);
        _clock.Advance(OutboxTouchpointStore.SweepAfter);
        await outbox.PublishPendingAsync(_tenant, 100, ct);
        Assert.Equal(["tp4.blocked", "tp4.planned"], _publisher.Ids);
        var planned = _publisher.Events.Single(e => e.Id == "tp4.planned");
        Assert.Equal(TouchpointStatus.Planned, planned.Data.Status);
        Assert.Null(planned.Data.Guardrail);
    }

    [Fact]
    public async Task A_touchpoint_recorded_without_publishing_is_announced_when_the_worker_adds_it_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        var passive = Touchpoint("tp5") with { Status = TouchpointStatus.Sent };

        await outbox.TryAddWithoutPublishingAsync(passive, ct);
        Assert.Empty(_publisher.Ids);
        var again = await outbox.TryAddAsync(passive, ct);

        Assert.Null(again);
        Assert.Equal(["tp5.sent"], _publisher.Ids);
        Assert.Null((await table.GetAsync(_tenant, "tp5", ct))!.PendingEvents);
    }

    [Fact]
    public async Task A_touchpoint_stored_by_a_worker_that_crashed_before_announcing_it_is_announced_again_without_a_write_when_its_signal_is_decided_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        var recorded = TouchpointOutbox.Record(Touchpoint("tp6"), T0);
        await table.TryAddAsync(TouchpointOutbox.Published(recorded, TouchpointOutbox.Pending(recorded)), ct); // then the crash

        var version = (await table.GetAsync(_tenant, "tp6", ct))!.Version;

        var again = await outbox.TryAddAsync(Touchpoint("tp6"), ct); // its signal decided again

        Assert.Null(again);
        Assert.Equal(version, (await table.GetAsync(_tenant, "tp6", ct))!.Version);
        Assert.Equal(["tp6.planned"], _publisher.Ids);
        Assert.Null((await table.GetAsync(_tenant, "tp6", ct))!.PendingEvents);
    }

    [Fact]
    public async Task A_touchpoint_found_with_its_creation_event_still_pending_is_announced_once_not_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        var (outbox, table) = await StoresAsync();
        _publisher.Fail = true;
        await outbox.TryAddAsync(Touchpoint("tp7"), ct);
        _publisher.Fail = false;

        await outbox.TryAddAsync(Touchpoint("tp7"), ct);

        Assert.Equal(["tp7.planned"], _publisher.Ids);
        Assert.Null((await table.GetAsync(_tenant, "tp7", ct))!.PendingEvents);
    }

    private Touchpoint Touchpoint(string id) => new()
    {
        Id = id,
        Tenant = _tenant,
        RuleId = "r1",
        RuleVersion = "1",
        SignalId = "s1",
        ActionIndex = 0,
        Type = "message",
        Channel = "ch",
        Contact = "c1",
        Status = TouchpointStatus.Planned,
        DueAt = T0.AddMinutes(10),
        PlannedAt = T0,
        Why = "test",
        Platform = "generic",
    };

    private sealed class RecordingPublisher : ITouchpointEventPublisher
    {
        public bool Fail { get; set; }

        public List<TouchpointEvent> Events { get; } = [];

        public IEnumerable<string> Ids => Events.Select(e => e.Id);

        public string Destination => "a test recorder";

        public Task PublishAsync(IReadOnlyList<TouchpointEvent> events, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("the broker is down (test)");
            }

            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
