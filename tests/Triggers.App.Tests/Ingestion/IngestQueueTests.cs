using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Ingestion;

[Collection(AppCollection.Name)]
public sealed class IngestQueueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _channel = "in" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.WeChatChannel(_channel, "ingesttests"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Envelope(string id, string kind = "order", string actor = "buyer-1", string text = "订单已支付") =>
        new JsonObject
        {
            ["channel"] = _channel,
            ["id"] = id,
            ["kind"] = kind,
            ["type"] = "taobao_trade_TradeBuyerPay",
            ["actor"] = new JsonObject { ["id"] = actor },
            ["text"] = text,
            ["occurredAt"] = "2026-11-20T10:00:00+08:00",
            ["attributes"] = new JsonObject { ["tid"] = "123456789" },
        }.ToJsonString();

    [Fact]
    public async Task A_valid_envelope_on_queue_ingest_becomes_a_listed_signal()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await TestStorage.Queue(azurite, "ingest").SendMessageAsync(Envelope("tmc-1"), null, null, TestContext.Current.CancellationToken);

        var signals = await Eventually.WaitAsync(() => ListAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("order", signal.GetProperty("kind").GetString());
        Assert.Equal("buyer-1", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("订单已支付", signal.GetProperty("text").GetString());
        Assert.Equal("taobao_trade_TradeBuyerPay", signal.GetProperty("type").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), signal.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_array_with_one_invalid_envelope_goes_to_ingest_poison_with_the_error_and_stores_nothing()
    {
        using var client = _app.CreateAdminClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var message = $"[{Envelope("ok-1")},{Envelope("bad-1", kind: "purchase")}]";

        await TestStorage.Queue(azurite, "ingest").SendMessageAsync(message, null, null, TestContext.Current.CancellationToken);

        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains(_channel, StringComparison.Ordinal), "ingest-poison");
        Assert.NotNull(poison);
        var error = JsonDocument.Parse(poison).RootElement.GetProperty("error").GetString();
        Assert.Contains("$[1].kind", error, StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListAsync(client)).GetArrayLength());
    }

    [Fact]
    public async Task An_envelope_naming_an_unconfigured_channel_is_poisoned_with_that_reason()
    {
        var message = Envelope("x-1").Replace(_channel, "nosuchchannel", StringComparison.Ordinal);
        using var client = _app.CreateClient();
        (await client.GetAsync("/api/health", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await TestStorage.Queue(azurite, "ingest").SendMessageAsync(message, null, null, TestContext.Current.CancellationToken);

        var poison = await TestStorage.FindPoisonAsync(azurite, m => m.Contains("nosuchchannel", StringComparison.Ordinal), "ingest-poison");
        Assert.NotNull(poison);
        Assert.Contains("not a configured channel", poison, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ListAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/signals?channel={_channel}", TestContext.Current.CancellationToken);
}
