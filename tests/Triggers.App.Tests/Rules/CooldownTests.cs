using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Azure.Data.Tables;
using Triggers.Testing;

namespace Triggers.App.Tests.Rules;

[Collection(AppCollection.Name)]
public sealed class CooldownTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "cd" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, _tenant));
        var rules = TestStorage.Table(azurite, "Rules");
        await rules.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        await rules.UpsertEntityAsync(
            new TableEntity(_tenant, "thank-buyer")
            {
                ["Enabled"] = true,
                ["Priority"] = 10,
                ["When"] = """{"==":[{"var":"signal.kind"},"order"]}""",
                ["Then"] = """[{"type":"message","text":"谢谢惠顾","delay":"PT1H"}]""",
                ["Cooldown"] = "P1D",
            },
            TableUpdateMode.Replace,
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_orders_from_one_buyer_within_a_day_plan_one_touchpoint_and_an_order_after_the_day_plans_another()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var queue = TestStorage.Queue(azurite, "ingest");

        await queue.SendMessageAsync(Envelope("o-1", "2026-11-20T10:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => ListTouchpointsAsync(client), t => t.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        await queue.SendMessageAsync(Envelope("o-2", "2026-11-20T18:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        await WaitForSignalsAsync(client, 2);
        await Task.Delay(1000, TestContext.Current.CancellationToken); // rules run after the signal is stored

        var afterTwo = await ListTouchpointsAsync(client);
        var first = Assert.Single(afterTwo.EnumerateArray());
        Assert.Equal("thank-buyer", first.GetProperty("ruleId").GetString());

        await queue.SendMessageAsync(Envelope("o-3", "2026-11-21T10:00:00+08:00"), null, null, TestContext.Current.CancellationToken);
        var afterThree = await Eventually.WaitAsync(() => ListTouchpointsAsync(client), t => t.GetArrayLength() >= 2, TimeSpan.FromSeconds(10));

        Assert.Equal(2, afterThree.GetArrayLength());
        Assert.Equal(2, afterThree.EnumerateArray().Select(t => t.GetProperty("signalId").GetString()).Distinct().Count());
    }

    private string Envelope(string id, string occurredAt) => new JsonObject
    {
        ["channel"] = _channel,
        ["id"] = id,
        ["kind"] = "order",
        ["type"] = "taobao_trade_TradeBuyerPay",
        ["actor"] = new JsonObject { ["id"] = "buyer-cooldown" },
        ["text"] = "订单已支付",
        ["occurredAt"] = occurredAt,
    }.ToJsonString();

    private async Task WaitForSignalsAsync(HttpClient client, int count) =>
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken),
            s => s.GetArrayLength() >= count,
            TimeSpan.FromSeconds(10));

    private async Task<JsonElement> ListTouchpointsAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", TestContext.Current.CancellationToken);
}
