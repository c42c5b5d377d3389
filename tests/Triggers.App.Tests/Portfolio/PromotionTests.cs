using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Portfolio;

/// <summary>Table Promotions on the real app: a coupon planned during another platform's exclusive window waits for its end.</summary>
[Collection(AppCollection.Name)]
public sealed class PromotionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "promotion-secret-0001";
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
    public async Task A_coupon_planned_during_douyins_exclusive_window_is_deferred_to_its_end_with_the_guardrail_and_reason()
    {
        using var client = _app.CreateAdminClient();
        var now = TimeProvider.System.GetUtcNow();
        var table = TestStorage.Table(azurite, "Promotions");
        await table.CreateIfNotExistsAsync(Ct);
        await table.UpsertEntityAsync(new TableEntity(_tenant, "double-12")
        {
            ["Platform"] = "douyin", ["Start"] = now.AddHours(-1), ["End"] = now.AddDays(1), ["Depth"] = 0.2, ["Exclusive"] = "PT3H",
        }, TableUpdateMode.Replace, Ct);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "coupon", """{"==":[{"var":"signal.kind"},"order"]}""", """[{"type":"coupon","template":"thanks","depth":0.1}]""", Ct);
        await Task.Delay(1500, Ct);

        var body = new JsonObject
        {
            ["id"] = "o-1", ["kind"] = "order", ["actor"] = new JsonObject { ["id"] = "buyer-1" }, ["text"] = null,
            ["occurredAt"] = now.ToString("O", CultureInfo.InvariantCulture),
        };
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), Ct)).IsSuccessStatusCode);
        var touchpoints = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct), t => t.GetArrayLength() == 1, TimeSpan.FromSeconds(15));

        var coupon = touchpoints[0];
        Assert.Equal(("planned", "promotion-conflict"), (coupon.GetProperty("status").GetString(), coupon.GetProperty("guardrail").GetString()));
        Assert.True(coupon.GetProperty("dueAt").GetDateTimeOffset() >= now.AddHours(2), coupon.GetProperty("dueAt").ToString());
        Assert.Contains("douyin's promotion double-12 has an exclusive window", coupon.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }
}
