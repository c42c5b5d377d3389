using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triggers.App.Standalone;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.Hosts;

[Collection(AppCollection.Name)]
public sealed class HttpOnlyInstanceTests(AzuriteFixture azurite)
{
    private const string Secret = "http-only-secret-000001";
    private readonly string _channel = "ho" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task An_instance_without_workers_accepts_webhooks_onto_the_queue_and_leaves_processing_dispatch_and_purge_to_others()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Standalone:Workers"] = "false",
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Secret"] = Secret,
        });
        using var client = app.CreateClient();
        (await client.GetAsync("/api/health", ct)).EnsureSuccessStatusCode();

        var answer = await GenericWebhook.PostAsync(client, _channel, Secret, new JsonObject
        {
            ["id"] = "only-http-1",
            ["kind"] = "message",
            ["actor"] = new JsonObject { ["id"] = "c1" },
            ["text"] = "你好",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }.ToJsonString(), ct);

        answer.EnsureSuccessStatusCode();
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        Assert.DoesNotContain(typeof(QueueWorker), hosted);
        Assert.DoesNotContain(typeof(DispatchService), hosted);
        Assert.DoesNotContain(typeof(DedupePurgeService), hosted);
        var found = false;
        foreach (var message in (await TestStorage.Queue(azurite, "signals").PeekMessagesAsync(32, ct)).Value)
        {
            found |= SignalMessage.Read(message.Body.ToString()).Items.Any(i => i.Signal?.Channel == _channel);
        }

        Assert.True(found, "the accepted signal waits on queue signals for a worker");
    }
}
