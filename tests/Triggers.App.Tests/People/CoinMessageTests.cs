using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.App.Tests.Touchpoints;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>A message shows the person's knowledge coins as they are when it is sent.</summary>
[Collection(AppCollection.Name)]
public sealed class CoinMessageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "coin-message-secret-01";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private BrandReceiver _receiver = null!;
    private TriggersAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await BrandReceiver.StartAsync(Secret);
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>(TriggersAppFactory.GenericChannel(_channel, _tenant, Secret))
        {
            [$"Channels:{_channel}:OutboundUrl"] = _receiver.Url,
            ["Dispatch:Interval"] = "00:00:01",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_message_with_the_balance_placeholders_is_sent_with_the_persons_coins_and_experience_at_send_time()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "balance", """{"==":[{"var":"signal.text"},"余额"]}""", """[{"type":"message","text":"您有 {coins.balance} 个知识币，经验 {coins.xp}","delay":"PT2S","slack":0}]""", ct);
        await Task.Delay(1500, ct);
        var body = new JsonObject
        {
            ["id"] = "b-1", ["kind"] = "message", ["actor"] = new JsonObject { ["id"] = "reader-9" }, ["text"] = "余额",
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body.ToJsonString(), ct)).IsSuccessStatusCode);
        await client.PostAsJsonAsync($"/api/admin/contacts/generic:reader-9/coins/deposit?tenant={_tenant}", new { amount = 260, idempotencyKey = "c" }, ct);
        await client.PostAsJsonAsync($"/api/admin/contacts/generic:reader-9/coins/deposit?tenant={_tenant}", new { xp = 15, idempotencyKey = "x" }, ct);

        await Eventually.WaitAsync(() => Task.FromResult(_receiver.Requests), n => n >= 1, TimeSpan.FromSeconds(20));

        Assert.Equal("您有 260 个知识币，经验 15", JsonNode.Parse(_receiver.Bodies.First())!["text"]!.GetValue<string>());
    }
}
