using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Emulator;
using Triggers.Azure.Storage;
using Triggers.Core.Signals;
using Triggers.Testing;

namespace Triggers.App.Tests.Storage;

/// <summary>Storage goes away under a running host and comes back: webhooks are refused fast meanwhile, and nothing acknowledged is lost.</summary>
[Collection(AppCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "storage-outage-secret-0001";
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "triggers-outage-" + Guid.NewGuid().ToString("N"));
    private readonly AzuritePorts _ports = FreePorts();
    private AzuriteLauncher? _storage;

    public async ValueTask InitializeAsync() => _storage = await StartStorageAsync();

    public async ValueTask DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task While_storage_is_down_webhooks_get_503_with_retry_after_without_waiting_and_the_host_recovers_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = DevelopmentStorage.ConnectionStringFor(_ports),
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
            ["Webhooks:IngestTimeout"] = "00:00:02",
            ["Webhooks:OutageProbeInterval"] = "00:00:01",
        });
        using var client = app.CreateAdminClient();
        Assert.True((await PostAsync(client, "before", ct)).IsSuccessStatusCode);

        await _storage!.DisposeAsync();
        _storage = null;
        var discovering = await PostAsync(client, "during-1", ct);
        var refused = new List<HttpResponseMessage>();
        for (var i = 2; i <= 4; i++)
        {
            refused.Add(await PostAsync(client, $"during-{i}", ct));
        }

        // The first webhook finds the outage (its write fails within the budget); the next are refused without trying.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, discovering.StatusCode);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        foreach (var response in refused)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.StartsWith("Storage has been unreachable since ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        _storage = await StartStorageAsync();
        var after = await Eventually.WaitAsync(() => PostAsync(client, "after", ct), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30));

        Assert.True(after.IsSuccessStatusCode);
        var stored = await Eventually.WaitAsync(
            async () => await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", ct),
            s => s.GetArrayLength() >= 2,
            TimeSpan.FromSeconds(30));
        var ids = stored.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains(Id("before"), ids);
        Assert.Contains(Id("after"), ids);
        Assert.DoesNotContain(ids, i => Enumerable.Range(1, 4).Any(n => i == Id($"during-{n}")));
    }

    private string Id(string key) => SignalIds.Create(_tenant, _channel, key);

    private Task<AzuriteLauncher> StartStorageAsync() =>
        AzuriteLauncher.EnsureAsync(_ports, _data, NullLogger.Instance, TestContext.Current.CancellationToken)
            .ContinueWith(t => t.Result ?? throw new InvalidOperationException($"something else listens on {_ports}"), TaskScheduler.Default);

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string id, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["kind"] = "message",
            ["actor"] = new JsonObject { ["id"] = "c1" },
            ["text"] = "你好",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        return GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), ct);
    }

    private static AzuritePorts FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return new AzuritePorts(ports[0], ports[1], ports[2]);
    }
}
