using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Emulator;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Touchpoints;
using Triggers.Testing;

namespace Triggers.App.Tests.Touchpoints;

/// <summary>A backlog of due touchpoints larger than a batch, dispatched by one run of the dispatcher.</summary>
[Collection(AppCollection.Name)]
public sealed class DispatchBacklogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "dispatch-backlog-secret-01";
    private const int Backlog = 250;
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private BrandReceiver _receiver = null!;
    private TriggersAppFactory _app = null!;

    // Its own emulator: the backlog's rows would slow every later test's queries on the shared one.
    private AzuriteLauncher _storage = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await BrandReceiver.StartAsync(Secret);
        _storage = await AzuriteLauncher.StartIsolatedAsync(logger: null, TestContext.Current.CancellationToken);
        _app = new TriggersAppFactory(
            azurite,
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = _storage.ConnectionString,
                [$"Channels:{_channel}:Platform"] = "generic",
                [$"Channels:{_channel}:Tenant"] = _tenant,
                [$"Channels:{_channel}:Secret"] = Secret,
                [$"Channels:{_channel}:OutboundUrl"] = _receiver.Url,
                ["Dispatch:BatchSize"] = "100",
                ["Dispatch:SendsPerSecond"] = "500",
                [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",
            },
            services =>
            {
                // The test runs the dispatcher itself, once.
                services.RemoveAll<IHostedService>();
                services.AddHostedService<Triggers.Hosting.Storage.StorageInitializer>();
            });
        _ = _app.Server;
        await _storage.Connection.CreateTableServiceClient().GetTableClient("Rules").UpsertEntityAsync(
            new TableEntity(_tenant, "greet") { ["Enabled"] = true, ["Priority"] = 10, ["When"] = """{"==":[{"var":"signal.kind"},"message"]}""", ["Then"] = """[{"type":"message","text":"您好"}]""" },
            TableUpdateMode.Replace,
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task One_run_drains_a_backlog_of_two_and_a_half_batches_and_sends_each_touchpoint_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var processor = _app.Services.GetRequiredService<SignalProcessor>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < Backlog; i++)
        {
            var key = "m" + i.ToString("D3", CultureInfo.InvariantCulture);
            await processor.ProcessAsync(
                new Signal
                {
                    Id = SignalIds.Create(_tenant, _channel, key),
                    Channel = _channel,
                    Platform = "generic",
                    Tenant = _tenant,
                    Kind = SignalKinds.Message,
                    Actor = new SignalActor("c" + key),
                    Text = "你好",
                    OccurredAt = now,
                    ReceivedAt = now,
                    DedupeKey = key,
                },
                ct);
        }

        var summary = await _app.Services.GetRequiredService<TouchpointDispatcher>().DispatchOnceAsync(ct);

        Assert.Equal(Backlog, summary[DispatchSummary.Sent]);
        Assert.Equal(Backlog, _receiver.Deliveries.Count);
        Assert.All(_receiver.Deliveries, d => Assert.Equal(1, d.Value));
    }
}
