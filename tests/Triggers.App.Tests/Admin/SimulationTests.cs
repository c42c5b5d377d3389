using Azure.Data.Tables;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class SimulationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "sim" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "simt" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, _tenant));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Envelope(string id, string text, string occurredAt) =>
        new JsonObject
        {
            ["channel"] = _channel,
            ["id"] = id,
            ["kind"] = "order",
            ["type"] = "taobao_trade_TradeBuyerPay",
            ["actor"] = new JsonObject { ["id"] = "buyer-1" },
            ["text"] = text,
            ["occurredAt"] = occurredAt,
        }.ToJsonString();

    private static JsonObject Rule(string id, bool enabled, string when, string? cooldown = null) => new()
    {
        ["RowKey"] = id,
        ["Enabled"] = enabled,
        ["When"] = JsonNode.Parse(when),
        ["Then"] = JsonNode.Parse("""[{"type":"message","text":"谢谢","delay":"PT10M"}]"""),
        ["Cooldown"] = cooldown,
    };

    [Fact]
    public async Task Simulating_a_draft_on_two_recorded_signals_reports_exact_counts_and_writes_no_touchpoint()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        Assert.Equal(0, await CountTouchpointsAsync());
        var queue = TestStorage.Queue(azurite, "ingest");
        await queue.SendMessageAsync(Envelope("o-1", "订单已支付", "2026-11-20T10:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        await queue.SendMessageAsync(Envelope("o-2", "申请退款", "2026-11-20T10:20:00+08:00"), null, null, TestContext.Current.CancellationToken);
        var listed = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken),
            s => s.GetArrayLength() == 2,
            TimeSpan.FromSeconds(15));
        Assert.Equal(2, listed.GetArrayLength());

        var body = new JsonObject
        {
            ["tenant"] = _tenant,
            ["channel"] = _channel,
            ["from"] = "2026-11-20T00:00:00Z",
            ["to"] = "2026-11-21T00:00:00Z",
            ["rules"] = new JsonArray(
                Rule("every-order", enabled: true, """{"==":[{"var":"signal.kind"},"order"]}""", cooldown: "PT1H"),
                Rule("refund", enabled: false, """{"in":["退款",{"var":"signal.text"}]}"""),
                Rule("broken", enabled: true, """{"nope":[1]}""")),
        };
        var response = await client.PostAsJsonAsync("/api/admin/rules/simulate", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(2, report.GetProperty("signals").GetInt32());
        Assert.Equal("draft", report.GetProperty("rules").GetString());
        Assert.StartsWith("simulated", report.GetProperty("guardrails").GetString(), StringComparison.Ordinal);
        var results = report.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal((2, 1, 1), Counts(results["every-order"]));
        Assert.Equal((1, 0, 1), Counts(results["refund"]));
        Assert.True(results["refund"].GetProperty("simulatedAsEnabled").GetBoolean());
        var due = results["refund"].GetProperty("touchpoints")[0].GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due, new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 2, 31, 0, TimeSpan.Zero));
        Assert.Equal((0, 0, 0), Counts(results["broken"]));
        Assert.Contains("nope", results["broken"].GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountTouchpointsAsync());
    }

    [Fact]
    public async Task A_time_range_before_the_signals_matches_nothing_and_an_unknown_channel_is_a_400()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var empty = await client.PostAsJsonAsync("/api/admin/rules/simulate", new JsonObject { ["channel"] = _channel, ["to"] = "2000-01-01T00:00:00Z" }, TestContext.Current.CancellationToken);
        var unknown = await client.PostAsJsonAsync("/api/admin/rules/simulate", new JsonObject { ["channel"] = "nosuchchannel" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var report = await empty.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(("live", 0), (report.GetProperty("rules").GetString(), report.GetProperty("signals").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nosuchchannel", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_for_ndjson_a_simulation_of_all_the_tenants_channels_reports_its_progress_then_the_report()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var queue = TestStorage.Queue(azurite, "ingest");
        await queue.SendMessageAsync(Envelope("p-1", "订单已支付", "2026-11-21T10:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        await queue.SendMessageAsync(Envelope("p-2", "再来一单", "2026-11-21T11:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken),
            s => s.GetArrayLength() == 2,
            TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rules/simulate")
        {
            Content = JsonContent.Create(new JsonObject { ["tenant"] = _tenant, ["rules"] = new JsonArray(Rule("every-order", enabled: true, """{"==":[{"var":"signal.kind"},"order"]}""")) }),
        };
        request.Headers.Accept.ParseAdd("application/x-ndjson");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["reading 0/1", "deciding 0/2", "deciding 1/2", "deciding 2/2", "done"],
            lines.Select(l => l.GetProperty("phase").GetString() == "done" ? "done" : $"{l.GetProperty("phase").GetString()} {l.GetProperty("done").GetInt32()}/{l.GetProperty("total").GetInt32()}"));
        Assert.Equal(_channel, lines[0].GetProperty("channel").GetString());
        var touchpoints = lines[^1].GetProperty("result").GetProperty("results")[0].GetProperty("touchpoints");
        Assert.Equal(["订单已支付", "再来一单"], touchpoints.EnumerateArray().Select(t => t.GetProperty("signalText").GetString()));
    }

    private static (int Matched, int CooledDown, int Touchpoints) Counts(JsonElement rule) =>
        (rule.GetProperty("matched").GetInt32(), rule.GetProperty("cooledDown").GetInt32(), rule.GetProperty("touchpoints").GetArrayLength());

    private async Task<int> CountTouchpointsAsync()
    {
        var count = 0;
        await foreach (var _ in TestStorage.Table(azurite, "Touchpoints").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_tenant}"), cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }

        return count;
    }
}
