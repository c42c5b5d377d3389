using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Touchpoints;

/// <summary>
/// Touchpoint outcomes as CloudEvents on Storage queue touchpoint-events (where no Service Bus is configured), end to end:
/// the signed generic webhook in, rules that send, hand off and are blocked by consent, the dispatcher, the queue.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TouchpointEventTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "touchpoint-events-secret-01";
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private BrandReceiver _receiver = null!;
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await BrandReceiver.StartAsync(Secret);
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
            [$"Channels:{_channel}:OutboundUrl"] = _receiver.Url,
            ["Dispatch:Interval"] = "00:00:01",
            [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_sent_a_blocked_and_a_handed_off_touchpoint_each_produce_exactly_one_outcome_event()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "greet", """{"!":{"in":["投诉",{"var":"signal.text"}]}}""", """[{"type":"message","text":"您好","delay":"PT0S"}]""", ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "escalate", """{"in":["投诉",{"var":"signal.text"}]}""", """[{"type":"handoff","text":"客户投诉，请跟进","delay":"PT0S"}]""", ct);
        await Task.Delay(1500, ct); // past the 1 s rule refresh the tests configure
        var optOut = await client.PostAsJsonAsync("/api/admin/consent", new { channel = _channel, contact = "c-blocked", optedOut = true, by = "ops" }, ct);
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);

        await PostAsync(client, "m-sent", "c-sent", "你好", ct);
        await PostAsync(client, "m-blocked", "c-blocked", "你好", ct);
        await PostAsync(client, "m-handoff", "c-handoff", "我要投诉", ct);
        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", ct),
            t => t.GetArrayLength() == 3 && t.EnumerateArray().All(x => x.GetProperty("status").GetString() is "sent" or "blocked"),
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // a late duplicate would show by now

        var events = await TestStorage.TouchpointEventsAsync(azurite, _tenant, ct);

        Assert.Equal(events.Count, events.Select(e => (string)e["id"]!).Distinct(StringComparer.Ordinal).Count());
        var outcomes = events.Where(e => (string)e["type"]! != "triggers.touchpoint.planned").ToList();
        Assert.Equal(3, outcomes.Count);
        var sent = Assert.Single(outcomes, e => (string)e["data"]!["contact"]! == "c-sent");
        Assert.Equal("triggers.touchpoint.sent", (string)sent["type"]!);
        Assert.Equal("sent", (string)sent["data"]!["status"]!);
        var blocked = Assert.Single(outcomes, e => (string)e["data"]!["contact"]! == "c-blocked");
        Assert.Equal("triggers.touchpoint.blocked", (string)blocked["type"]!);
        Assert.Equal("consent", (string)blocked["data"]!["guardrail"]!);
        var handedOff = Assert.Single(outcomes, e => (string)e["data"]!["contact"]! == "c-handoff");
        Assert.Equal("triggers.touchpoint.handed_off", (string)handedOff["type"]!);
        Assert.Equal("handoff", (string)handedOff["data"]!["action"]!);

        // Every event names its touchpoint, which the admin listing shows with the same outcome.
        foreach (var e in outcomes)
        {
            var touchpoint = touchpoints.EnumerateArray().Single(t => t.GetProperty("id").GetString() == (string)e["data"]!["touchpointId"]!);
            Assert.Equal(touchpoint.GetProperty("status").GetString(), (string)e["data"]!["status"]!);
            Assert.Equal("1.0", (string)e["specversion"]!);
            Assert.Equal($"touchpoints/{_tenant}/{(string)e["data"]!["touchpointId"]!}", (string)e["subject"]!);
        }
    }

    private async Task PostAsync(HttpClient client, string id, string contact, string text, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["kind"] = "message",
            ["actor"] = new JsonObject { ["id"] = contact },
            ["text"] = text,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var response = await GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
