using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Touchpoints;

/// <summary>People take precedence over automation: agent messages, hand-off claims and admin opt-outs, through the real app and Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class HumanTouchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "human-touch-secret-0001";

    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
            ["Dispatch:Interval"] = "00:00:01",
            [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_agent_message_cancels_the_pending_automated_follow_up_with_the_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await AddRuleAsync("follow-up", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"还在考虑吗？","delay":"PT1H"}]""", ct);
        await PostAsync(client, new JsonObject { ["id"] = "m1", ["kind"] = "message", ["actor"] = Actor("c1"), ["text"] = "价格多少", ["occurredAt"] = Now() }, ct);
        await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == 1, TimeSpan.FromSeconds(15));

        await PostAsync(client, new JsonObject { ["id"] = "a1", ["kind"] = "agent_message", ["actor"] = Actor("c1"), ["text"] = "您好，我是顾问小王", ["occurredAt"] = Now(1) }, ct);

        var touchpoints = await Eventually.WaitAsync(() => ListAsync(client, ct), t => t[0].GetProperty("status").GetString() == "cancelled", TimeSpan.FromSeconds(15));
        var touchpoint = Assert.Single(touchpoints.EnumerateArray());
        Assert.Equal("cancelled", touchpoint.GetProperty("status").GetString());
        Assert.Equal("human-precedence", touchpoint.GetProperty("guardrail").GetString());
        Assert.False(string.IsNullOrWhiteSpace(touchpoint.GetProperty("statusReason").GetString()));
    }

    [Fact]
    public async Task An_admin_opt_out_blocks_the_next_automated_touch_and_the_listing_names_the_guardrail()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await AddRuleAsync("thanks", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"谢谢","delay":"PT2H"}]""", ct);
        var optOut = await client.PostAsJsonAsync("/api/admin/consent", new { channel = _channel, contact = "c2", optedOut = true, by = "ops-lee" }, ct);
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);

        await PostAsync(client, new JsonObject { ["id"] = "m2", ["kind"] = "message", ["actor"] = Actor("c2"), ["text"] = "你好", ["occurredAt"] = Now() }, ct);

        var listed = await Eventually.WaitAsync(() => ListAsync(client, ct), t => t.GetArrayLength() == 1, TimeSpan.FromSeconds(15));
        var touchpoint = Assert.Single(listed.EnumerateArray());
        Assert.Equal("blocked", touchpoint.GetProperty("status").GetString());
        Assert.Equal("consent", touchpoint.GetProperty("guardrail").GetString());
        Assert.True(touchpoint.TryGetProperty("dueAt", out _));
        Assert.Contains("thanks", touchpoint.GetProperty("why").GetString(), StringComparison.Ordinal);
        var consent = await client.GetFromJsonAsync<JsonElement>($"/api/admin/consent?channel={_channel}&contact=c2", ct);
        Assert.True(consent.GetProperty("optedOut").GetBoolean());
    }

    [Fact]
    public async Task A_hand_off_is_queued_with_context_claimed_once_then_closed_and_the_claim_gives_way_to_the_person()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await AddRuleAsync("angry-handoff", """{"==":[{"var":"sentiment.label"},"negative"]}""", """[{"type":"handoff","text":"请人工跟进"}]""", ct);
        await AddRuleAsync("later-survey", """{"==":[{"var":"signal.kind"},"message"]}""", """[{"type":"message","text":"满意吗？","delay":"P1D"}]""", ct);

        await PostAsync(client, new JsonObject { ["id"] = "m3", ["kind"] = "message", ["actor"] = Actor("c3"), ["text"] = "太差了，客服一直不回复，我要投诉", ["occurredAt"] = Now() }, ct);

        var handoffs = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/handoffs?tenant={_tenant}", ct), h => h.GetArrayLength() == 1, TimeSpan.FromSeconds(20));
        var handoff = Assert.Single(handoffs.EnumerateArray());
        Assert.Equal("open", handoff.GetProperty("status").GetString());
        Assert.Equal("c3", handoff.GetProperty("contact").GetString());
        Assert.Equal("太差了，客服一直不回复，我要投诉", handoff.GetProperty("context").GetProperty("lastSignals")[0].GetProperty("text").GetString());
        Assert.False(string.IsNullOrWhiteSpace(handoff.GetProperty("suggestedReply").GetString()));
        var emotion = handoff.GetProperty("context").GetProperty("emotion");
        Assert.Contains(emotion.EnumerateArray(), e => e.GetProperty("topic").GetString() == "service");
        var id = handoff.GetProperty("id").GetString();

        var claim = await client.PostAsJsonAsync($"/api/admin/handoffs/{id}/claim?tenant={_tenant}", new { agent = "小王" }, ct);
        var again = await client.PostAsJsonAsync($"/api/admin/handoffs/{id}/claim?tenant={_tenant}", new { agent = "小李" }, ct);
        var close = await client.PostAsJsonAsync($"/api/admin/handoffs/{id}/close?tenant={_tenant}", new { outcome = "refund agreed" }, ct);

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("小王", await again.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal("closed", (await close.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("status").GetString());
        var survey = (await ListAsync(client, ct)).EnumerateArray().Single(t => t.GetProperty("ruleId").GetString() == "later-survey");
        Assert.Equal("cancelled", survey.GetProperty("status").GetString());
        Assert.Equal("human-precedence", survey.GetProperty("guardrail").GetString());
    }

    private static JsonObject Actor(string id) => new() { ["id"] = id };

    private static string Now(int seconds = 0) => TimeProvider.System.GetUtcNow().AddSeconds(seconds).ToString("O", CultureInfo.InvariantCulture);

    private async Task PostAsync(HttpClient client, JsonObject signal, CancellationToken ct)
    {
        var response = await GenericWebhook.PostAsync(client, _channel, Secret, signal.ToJsonString(), ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private async Task<JsonElement> ListAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", ct);

    private async Task AddRuleAsync(string id, string when, string then, CancellationToken ct)
    {
        await GenericWebhook.AddRuleAsync(azurite, _tenant, id, when, then, ct);

        // Read at once, rather than after the 1 s refresh: under a loaded machine a refresh can lag behind a fixed wait.
        using var client = _app.CreateAdminClient();
        (await client.PostAsync("/api/admin/rules/reload", null, ct)).EnsureSuccessStatusCode();
    }
}
