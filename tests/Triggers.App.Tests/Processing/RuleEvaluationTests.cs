using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Processing;

[Collection(AppCollection.Name)]
public sealed class RuleEvaluationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "wx" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;
    private TableClient _rules = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, _tenant));
        _rules = TestStorage.Table(azurite, "Rules");
        await _rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_rule_written_into_the_table_while_the_app_runs_plans_a_touchpoint_for_the_next_signal()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await AddRuleAsync("on-event", """{"==":[{"var":"signal.kind"},"event"]}""", """[{"type":"message","text":"Thanks!","delay":"PT1H","slack":0.1}]""");
        await Task.Delay(1500, TestContext.Current.CancellationToken); // past the 1 s refresh interval the tests configure
        await PostOfficialMessageAsync(client);

        var touchpoints = await Eventually.WaitAsync(() => ListTouchpointsAsync(client), t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var touchpoint = Assert.Single(touchpoints.EnumerateArray());
        Assert.Equal("on-event", touchpoint.GetProperty("ruleId").GetString());
        Assert.Equal("message", touchpoint.GetProperty("type").GetString());
        Assert.Equal(_channel, touchpoint.GetProperty("channel").GetString());
        Assert.Equal(WeChatVectors.OpenId, touchpoint.GetProperty("contact").GetString());
        // The official vector's message is from April 2024: WeChat allows customer-service messages only within 48 hours
        // of the contact's last message, so the touchpoint is recorded but blocked, naming the guardrail.
        Assert.Equal("blocked", touchpoint.GetProperty("status").GetString());
        Assert.Equal("platform-policy", touchpoint.GetProperty("guardrail").GetString());
        Assert.Contains("48", touchpoint.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(touchpoint.GetProperty("why").GetString()));
        // Signal time 1714112445 + 1 h delay + up to 10% of it as slack.
        var occurred = DateTimeOffset.FromUnixTimeSeconds(1714112445);
        var due = touchpoint.GetProperty("dueAt").GetDateTimeOffset();
        Assert.InRange(due, occurred.AddHours(1), occurred.AddHours(1).AddMinutes(6));
    }

    [Fact]
    public async Task A_rule_with_invalid_json_is_reported_in_admin_health_and_the_other_rules_still_fire()
    {
        using var client = _app.CreateAdminClient();
        await AddRuleAsync("broken", """{"==":[{"var":"signal.kind"},"event"]""", """[{"type":"message","text":"never"}]""");
        await AddRuleAsync("working", """{"==":[{"var":"signal.kind"},"event"]}""", """[{"type":"alert","text":"seen"}]""");
        await client.PostAsync("/api/admin/rules/reload", null, TestContext.Current.CancellationToken);

        await PostOfficialMessageAsync(client);

        var touchpoints = await Eventually.WaitAsync(() => ListTouchpointsAsync(client), t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        Assert.Equal("working", Assert.Single(touchpoints.EnumerateArray()).GetProperty("ruleId").GetString());
        var health = await client.GetFromJsonAsync<JsonElement>("/api/admin/health", TestContext.Current.CancellationToken);
        var problem = Assert.Single(
            health.GetProperty("rules").GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("tenant").GetString() == _tenant);
        Assert.Equal("broken", problem.GetProperty("ruleId").GetString());
        Assert.Contains("When", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_rule_plans_nothing()
    {
        using var client = _app.CreateAdminClient();
        await AddRuleAsync("off", """{"==":[{"var":"signal.kind"},"event"]}""", """[{"type":"message","text":"no"}]""", enabled: false);
        await client.PostAsync("/api/admin/rules/reload", null, TestContext.Current.CancellationToken);

        await PostOfficialMessageAsync(client);
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken),
            s => s.GetArrayLength() > 0,
            TimeSpan.FromSeconds(5));

        Assert.Equal(0, (await ListTouchpointsAsync(client)).GetArrayLength());
    }

    private async Task AddRuleAsync(string id, string when, string then, bool enabled = true)
    {
        var rule = new TableEntity(_tenant, id)
        {
            ["Enabled"] = enabled,
            ["Priority"] = 10,
            ["When"] = when,
            ["Then"] = then,
            ["Description"] = "test rule",
        };
        await _rules.UpsertEntityAsync(rule, TableUpdateMode.Replace, TestContext.Current.CancellationToken);
    }

    private async Task PostOfficialMessageAsync(HttpClient client)
    {
        var response = await client.PostAsync(
            $"/api/webhooks/{_channel}?{WeChatVectors.SafeModeQuery}",
            new StringContent(WeChatVectors.SafeModeBody, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> ListTouchpointsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", TestContext.Current.CancellationToken);
}
