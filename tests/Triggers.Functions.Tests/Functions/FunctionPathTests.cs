using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Triggers.Core.Hosting;
using Triggers.Functions.Admin;
using Triggers.Functions.Http;
using Triggers.Functions.Queues;
using Triggers.Functions.Timers;
using Triggers.Functions.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.Functions.Tests.Functions;

/// <summary>
/// One signal's way through the functions Azure runs: webhook, queue <c>signals</c>, processing, the admin listing; and
/// a relay's envelope through <c>ingest</c>. Queue messages are received from Azurite, as the queue trigger hands them over.
/// </summary>
public sealed class FunctionPathTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "function-tests-secret";
    private readonly string _channel = "fn" + Guid.NewGuid().ToString("N")[..12];
    private FunctionAppServices _app = null!;

    public async ValueTask InitializeAsync() => _app = await FunctionAppServices.StartAsync(azurite, new Dictionary<string, string?>
    {
        [$"Channels:{_channel}:Platform"] = "generic",
        [$"Channels:{_channel}:Tenant"] = "fntests",
        [$"Channels:{_channel}:Secret"] = Secret,
        ["Admin:Keys:agency-b:Key"] = "agency-b-host-key-0001",
        ["Admin:Keys:agency-b:Tenants"] = "brand-b",
    });

    [Fact]
    public async Task In_the_function_app_a_host_key_that_admin_keys_scope_to_another_brand_gets_403_and_other_host_keys_get_through()
    {
        var (_, scoped) = await _app.AdminRequestAsync("GET", $"/api/admin/signals?channel={_channel}", key: "agency-b-host-key-0001");
        var (admitted, hostKey) = await _app.AdminRequestAsync("GET", $"/api/admin/signals?channel={_channel}", key: "ops-alice-host-key");
        var (_, none) = await _app.AdminRequestAsync("GET", $"/api/admin/signals?channel={_channel}", key: string.Empty);

        // The host reads the first of repeated codes; the gate refuses them rather than see "k,k" and take it for a host key.
        var repeated = _app.Request("GET", $"/api/admin/signals?channel={_channel}&code=agency-b-host-key-0001&code=agency-b-host-key-0001");
        var admittedTwice = await _app.Function<AdminGateMiddleware>().AdmitAsync(repeated.HttpContext);

        Assert.Equal(403, scoped?.Status);
        Assert.Contains("the key 'agency-b' may see tenant brand-b, not 'fntests'", scoped?.Body, StringComparison.Ordinal);
        Assert.Null(hostKey);
        Assert.Equal("admin", Triggers.Hosting.Admin.Access.AdminCaller.Of(admitted.HttpContext).Name);
        Assert.Equal(401, none?.Status);
        Assert.False(admittedTwice);
        Assert.Equal(401, repeated.HttpContext.Response.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, "text/html; charset=utf-8", "<title>Triggers 运营控制台</title>")]
    [InlineData("app.js", "text/javascript; charset=utf-8", "window.Pages[page]")]
    [InlineData("vendor/echarts.min.js", "text/javascript; charset=utf-8", "Apache Software Foundation")]
    public async Task The_console_function_serves_the_page_its_scripts_and_echarts_with_a_policy_that_runs_only_its_own_scripts(string? path, string type, string fragment)
    {
        var request = _app.Request("GET", "/console/" + path);

        var (status, body) = await FunctionAppServices.ExecuteAsync(_app.Function<ConsolePage>().Run(request, path), request);

        Assert.Equal((200, type), (status, request.HttpContext.Response.ContentType));
        Assert.Contains(fragment, body, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", request.HttpContext.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_anonymous_health_function_answers_200_with_the_status_only()
    {
        var request = _app.Request("GET", "/api/health");

        var (status, body) = await FunctionAppServices.ExecuteAsync(await _app.Function<Health>().RunAsync(request), request);

        Assert.Equal(200, status);
        Assert.Equal("healthy", FunctionAppServices.Json(body).GetProperty("status").GetString());
        Assert.DoesNotContain(_channel, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_health_function_names_the_function_app_and_its_channels()
    {
        var (request, refused) = await _app.AdminRequestAsync("GET", "/api/admin/health");
        Assert.Null(refused);

        var (status, body) = await FunctionAppServices.ExecuteAsync(await _app.Function<AdminHealth>().RunAsync(request), request);

        Assert.Equal(200, status);
        Assert.Equal("Triggers.Functions", FunctionAppServices.Json(body).GetProperty("host").GetString());
        Assert.Contains(FunctionAppServices.Json(body).GetProperty("channels").EnumerateArray(), c => c.GetProperty("name").GetString() == _channel);
    }

    [Fact]
    public async Task A_signed_webhook_goes_through_the_webhook_and_process_signal_functions_to_the_admin_listing_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new JsonObject { ["id"] = "fn-1", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "c1" }, ["text"] = "续航怎么样", ["occurredAt"] = "2026-12-06T10:00:00Z" }.ToJsonString();

        var first = await PostWebhookAsync(body);
        var again = await PostWebhookAsync(body);
        Assert.Equal(200, first.Status);
        Assert.Equal(200, again.Status);

        var messages = await ReceiveAsync(QueueNames.Signals, ct);
        var message = Assert.Single(messages);
        await _app.Function<ProcessSignal>().RunAsync(message, ct);

        var (listing, refused) = await _app.AdminRequestAsync("GET", $"/api/admin/signals?channel={_channel}");
        Assert.Null(refused);
        var (status, signals) = await FunctionAppServices.ExecuteAsync(await _app.Function<AdminSignals>().RunAsync(listing), listing);
        Assert.Equal(200, status);
        var signal = Assert.Single(FunctionAppServices.Json(signals).EnumerateArray());
        Assert.Equal("续航怎么样", signal.GetProperty("text").GetString());
        Assert.Equal("c1", signal.GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_forged_webhook_is_rejected_by_the_function_and_nothing_is_enqueued()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new JsonObject { ["id"] = "forged", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "c9" }, ["text"] = "hi" }.ToJsonString();

        var (status, _) = await PostWebhookAsync(body, secret: "not-the-secret");

        Assert.Equal(401, status);
        Assert.DoesNotContain(await ReceiveAsync(QueueNames.Signals, ct), m => m.Body.ToString().Contains("forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_relay_envelope_on_ingest_becomes_a_signal_on_the_signals_queue()
    {
        var ct = TestContext.Current.CancellationToken;
        var envelope = new JsonObject
        {
            ["channel"] = _channel,
            ["id"] = "tmc-1",
            ["kind"] = "order",
            ["actor"] = new JsonObject { ["id"] = "buyer-1" },
            ["text"] = "订单已支付",
            ["occurredAt"] = "2026-11-20T10:00:00+08:00",
        }.ToJsonString();
        var ingest = azurite.Connection.CreateQueueServiceClient().GetQueueClient(QueueNames.Ingest);
        await ingest.SendMessageAsync(envelope, ct);

        var message = Assert.Single(await ReceiveAsync(QueueNames.Ingest, ct));
        await _app.Function<IngestSignal>().RunAsync(message, ct);

        var signal = Assert.Single(await ReceiveAsync(QueueNames.Signals, ct));
        Assert.Contains("buyer-1", signal.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_purge_timer_function_drops_a_dedupe_marker_past_its_time_to_live_and_keeps_a_live_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var dedupe = azurite.Connection.CreateTableServiceClient().GetTableClient("Dedupe");
        var now = TimeProvider.System.GetUtcNow();
        await dedupe.AddEntityAsync(new TableEntity(_channel, "expired") { ["State"] = "enqueued", ["ExpiresAt"] = now.AddMinutes(-1) }, ct);
        await dedupe.AddEntityAsync(new TableEntity(_channel, "live") { ["State"] = "enqueued", ["ExpiresAt"] = now.AddHours(1) }, ct);

        await _app.Function<PurgeExpired>().RunAsync(new TimerInfo(), ct);

        var left = new List<string>();
        await foreach (var e in dedupe.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {_channel} and PartitionKey lt {_channel + "~"}"), cancellationToken: ct))
        {
            left.Add(e.RowKey);
        }

        Assert.Equal(["live"], left);
    }

    private async Task<(int Status, string Body)> PostWebhookAsync(string body, string secret = Secret)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        var request = _app.Request("POST", $"/api/webhooks/{_channel}", body, new Dictionary<string, string>
        {
            ["X-Triggers-Timestamp"] = timestamp,
            ["X-Triggers-Signature"] = signature,
        });
        return await FunctionAppServices.ExecuteAsync(await _app.Function<Webhook>().RunAsync(request, _channel), request);
    }

    /// <summary>Takes every message now on the queue (each test class has its own channel; tests in a class run one at a time).</summary>
    private async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, CancellationToken ct)
    {
        var client = azurite.Connection.CreateQueueServiceClient().GetQueueClient(queue);
        var all = new List<QueueMessage>();
        QueueMessage[] batch;
        do
        {
            batch = (await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), ct)).Value;
            all.AddRange(batch);
            foreach (var message in batch)
            {
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
        }
        while (batch.Length > 0);

        return all;
    }
}
