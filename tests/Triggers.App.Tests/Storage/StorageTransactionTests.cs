using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Storage;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Storage;

/// <summary>The storage transactions a signal costs, as the metric counts them (every request to tables and queues).</summary>
[Collection(AppCollection.Name)]
public sealed class StorageTransactionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "storage-budget-secret-0001";
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(
            azurite,
            new Dictionary<string, string?>
            {
                [$"Channels:{_channel}:Platform"] = "generic",
                [$"Channels:{_channel}:Tenant"] = _tenant,
                [$"Channels:{_channel}:Secret"] = Secret,
                ["Processing:RulesRefreshInterval"] = "00:00:15",
            },
            services =>
            {
                // Only the requests the test makes are counted: no pollers or timers.
                services.RemoveAll<IHostedService>();
                services.AddHostedService<Triggers.Hosting.Storage.StorageInitializer>();
            });
        _ = _app.Server;
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "reply", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"收到","delay":"PT1H"}]""", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_lone_webhook_costs_the_dedupe_marker_and_the_enqueue_before_its_answer_and_the_confirmation_after()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        var transactions = _app.Services.GetRequiredService<StorageTransactions>();
        Assert.True((await Post(client, "warm-up", ct)).IsSuccessStatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(transactions.Tables), _ => false, TimeSpan.FromMilliseconds(300));

        var before = (transactions.Tables, transactions.Queues);
        Assert.True((await Post(client, "m1", ct)).IsSuccessStatusCode);
        var confirmed = await Eventually.WaitAsync(
            () => Task.FromResult((transactions.Tables - before.Tables, transactions.Queues - before.Queues)), t => t.Item1 >= 2, TimeSpan.FromSeconds(5));

        Assert.Equal((2L, 1L), confirmed);
    }

    [Fact]
    public async Task Webhooks_arriving_together_share_their_writes_at_most_one_transaction_per_signal_and_every_signal_is_enqueued_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        var transactions = _app.Services.GetRequiredService<StorageTransactions>();
        Assert.True((await Post(client, "warm-up", ct)).IsSuccessStatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(transactions.Tables), _ => false, TimeSpan.FromMilliseconds(300));
        var signalsQueue = TestStorage.Queue(azurite, "signals");
        await signalsQueue.ClearMessagesAsync(ct);

        const int Count = 300;
        var before = transactions.Total;
        using var gate = new SemaphoreSlim(64);
        var answers = await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (await Post(client, $"burst-{i}", ct)).StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        var spent = await Eventually.WaitAsync(() => Task.FromResult(transactions.Total - before), _ => false, TimeSpan.FromMilliseconds(500));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a));
        var queued = new List<string>();
        foreach (var message in (await signalsQueue.PeekMessagesAsync(32, ct)).Value)
        {
            queued.AddRange(Triggers.Core.Processing.SignalMessage.Read(message.Body.ToString()).Items.Select(item => item.Signal!.DedupeKey));
        }

        var messages = (await signalsQueue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        Assert.InRange(messages, 1, 32);
        Assert.Equal(Count, await TestStorage.DedupeMarkerCountAsync(azurite, _channel, ct) - 1);
        Assert.InRange(spent, 1, Count);
        TestContext.Current.SendDiagnosticMessage($"{Count} webhooks, 64 at a time: {spent} storage transactions at ingest in {messages} queue message(s)");
        Assert.Equal(Count, queued.Count);
        Assert.Equal(Count, queued.Distinct().Count());
    }

    [Fact]
    public async Task Deciding_a_message_that_plans_one_touchpoint_is_counted_by_service_and_a_redelivery_only_reads_the_decided_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var transactions = _app.Services.GetRequiredService<StorageTransactions>();
        await processor.ProcessAsync(SignalMessage.Serialize(Signal("warm-up")), 1, ct);

        var message = SignalMessage.Serialize(Signal("m1"));
        var beforeFirst = transactions.Of(StorageWork.Processing);
        var queueBefore = transactions.QueuesByWork()["processing"];
        await processor.ProcessAsync(message, 1, ct);
        var first = transactions.Of(StorageWork.Processing) - beforeFirst;
        var firstOnQueues = transactions.QueuesByWork()["processing"] - queueBefore;
        var beforeAgain = transactions.Of(StorageWork.Processing);
        await processor.ProcessAsync(message, 2, ct);
        var again = transactions.Of(StorageWork.Processing) - beforeAgain;

        // The contact's state read and written, the touchpoint, its event, the decided record.
        Assert.Equal(5, first);
        // Of those, only the event went to the Queue service.
        Assert.Equal(1, firstOnQueues);
        // The decided record says the worker published its own events: nothing else is read.
        Assert.Equal(1, again);
    }

    [Fact]
    public async Task A_group_message_whose_signals_each_plan_one_touchpoint_costs_at_most_four_transactions_per_signal()
    {
        const int Count = 40;
        var ct = TestContext.Current.CancellationToken;
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var transactions = _app.Services.GetRequiredService<StorageTransactions>();
        await processor.ProcessAsync(SignalMessage.Serialize(Signal("warm-up")), 1, ct);
        var message = Assert.Single(SignalMessage.Pack([.. Enumerable.Range(0, Count).Select(i => Signal("g" + i))]));

        var before = transactions.Of(StorageWork.Processing);
        Assert.Equal(ProcessingOutcome.Processed, await processor.ProcessAsync(message, 1, ct));
        var spent = transactions.Of(StorageWork.Processing) - before;

        // Per signal: the contact's state read and written, the touchpoint, its event; the decided records share a transaction.
        Assert.InRange(spent, 4 * Count, 4 * Count + 1);
        var touchpoints = _app.Services.GetRequiredService<ITouchpointStore>();
        Assert.Equal(Count + 1, (await touchpoints.ListAsync(_tenant, null, 1000, ct)).Count);
        TestContext.Current.SendDiagnosticMessage($"storage transactions for a group of {Count} signals: {spent}");
    }

    private Signal Signal(string key) => new()
    {
        Id = SignalIds.Create(_tenant, _channel, key),
        Channel = _channel,
        Platform = "generic",
        Tenant = _tenant,
        Kind = SignalKinds.Message,
        Actor = new SignalActor("c-" + key),
        Text = "你好",
        OccurredAt = TimeProvider.System.GetUtcNow(),
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        DedupeKey = key,
    };

    private Task<HttpResponseMessage> Post(HttpClient client, string id, CancellationToken ct) =>
        GenericWebhook.PostAsync(client, _channel, Secret, new JsonObject
        {
            ["id"] = id,
            ["kind"] = "message",
            ["actor"] = new JsonObject { ["id"] = "c1" },
            ["text"] = "你好",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString(), ct);
}
