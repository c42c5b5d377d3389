using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Portfolio;

/// <summary>Table Portfolio on the real app: a channel's quadrant edited in the table reaches rules as signal.quadrant; a broken row shows in health.</summary>
[Collection(AppCollection.Name)]
public sealed class QuadrantTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "quadrant-secret-0001";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.GenericChannel(_channel, _tenant, Secret));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_relay_channel_set_to_conversion_in_the_table_makes_its_signals_conversion_for_rules_and_a_broken_row_is_reported()
    {
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "conversion-tag", """{"==":[{"var":"signal.quadrant"},"conversion"]}""", """[{"type":"tag","text":"conversion-scene"}]""", Ct);
        await Task.Delay(1500, Ct);
        await PostAsync(client, "before");
        await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", Ct), s => s.GetArrayLength() == 1, TimeSpan.FromSeconds(15));

        var table = TestStorage.Table(azurite, "Portfolio");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "channel:" + _channel) { ["Quadrant"] = "conversion", ["TouchCost"] = 0.2 }, TableUpdateMode.Replace, Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "douyin") { ["FeeRate"] = "五" }, TableUpdateMode.Replace, Ct);
        var health = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct),
            h => h.GetProperty("portfolio").GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("tenant").GetString() == _tenant),
            TimeSpan.FromSeconds(10));
        await PostAsync(client, "after");

        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct), t => t.GetArrayLength() == 1, TimeSpan.FromSeconds(15));
        Assert.Equal("after", await SignalTextAsync(client, touchpoints[0].GetProperty("signalId").GetString()!));
        var problem = health.GetProperty("portfolio").GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("tenant").GetString() == _tenant);
        Assert.Equal("douyin", problem.GetProperty("row").GetString());
        Assert.StartsWith("FeeRate is '五'", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> SignalTextAsync(HttpClient client, string signalId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", Ct)).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == signalId).GetProperty("text").GetString() ?? string.Empty;

    private async Task PostAsync(HttpClient client, string text)
    {
        var body = new JsonObject
        {
            ["id"] = text, ["kind"] = "order", ["actor"] = new JsonObject { ["id"] = "buyer-1" }, ["text"] = text,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), Ct)).IsSuccessStatusCode);
    }
}
