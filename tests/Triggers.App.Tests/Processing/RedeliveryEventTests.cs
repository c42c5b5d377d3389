using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Processing;

/// <summary>
/// A planned touchpoint's creation event is published right after its insert, without an outbox write; the signal's
/// queue message stands in for the outbox until the signal is marked decided.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RedeliveryEventTests(AzuriteFixture azurite) : IAsyncLifetime
{
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
                [$"Channels:{_channel}:Secret"] = "redelivery-secret-000001",
            },
            services =>
            {
                // Only what the test does: no pollers or timers.
                services.RemoveAll<IHostedService>();
                services.AddHostedService<Triggers.Hosting.Storage.StorageInitializer>();
            });
        _ = _app.Server;
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "reply", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"收到","delay":"PT1H"}]""", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_signal_redelivered_after_its_worker_died_before_marking_it_decided_announces_its_touchpoint_again_under_the_same_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var signal = Signal("m1");
        var message = SignalMessage.Serialize(signal);
        await processor.ProcessAsync(message, 1, ct);
        var first = Assert.Single(await TestStorage.TouchpointEventsAsync(azurite, _tenant, ct));

        // As if the worker had died after the touchpoint and its event, before the signal was marked decided.
        var signals = TestStorage.Table(azurite, "Signals");
        var record = Assert.Single(signals.Query<TableEntity>(e => e.PartitionKey == _channel && e.GetString("Id") == signal.Id, cancellationToken: ct));
        await signals.DeleteEntityAsync(record.PartitionKey, record.RowKey, record.ETag, ct);
        await processor.ProcessAsync(message, 2, ct);

        var again = Assert.Single(await TestStorage.TouchpointEventsAsync(azurite, _tenant, ct));
        Assert.Equal(((string?)first["id"], "triggers.touchpoint.planned"), ((string?)again["id"], (string?)again["type"]));
    }

    [Fact]
    public async Task A_duplicate_delivery_of_a_decided_signal_announces_its_touchpoint_again_under_the_same_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var message = SignalMessage.Serialize(Signal("m2"));
        await processor.ProcessAsync(message, 1, ct);
        var first = Assert.Single(await TestStorage.TouchpointEventsAsync(azurite, _tenant, ct));

        // Another message of the same signal, delivered for the first time: it cannot know whether the other delivery
        // lived to announce the touchpoint, so it announces it again; a consumer recognises the id.
        await processor.ProcessAsync(message, 1, ct);

        Assert.Equal((string?)first["id"], (string?)Assert.Single(await TestStorage.TouchpointEventsAsync(azurite, _tenant, ct))["id"]);
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
}
