using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class DoudianWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "dd")
{
    private const string Tenant = "doudiantests";
    private const string AppKey = "1234567890";
    private const string AppSecret = "secret-test";

    /// <summary>The connectivity test of platforms.md §4b; its event-sign was computed with Python's hashlib (self-computed, not official).</summary>
    private const string ConnectivityTest = """[{"tag":"0","msg_id":"abc","data":"{}"}]""";
    private const string ConnectivityTestSignature = "dc1d7fc510f5c7daf5f94ea5d876efe1";

    private const string TradePaid = """[{"tag":110,"msg_id":"dd-paid-1","data":"{\"p_id\":\"6919000000000000001\",\"shop_id\":12345,\"order_status\":2,\"pay_time\":1618990587,\"pay_amount\":2990}"},{"tag":"0","msg_id":"dd-test","data":"{}"}]""";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "doudian",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:AppKey"] = AppKey,
        [$"Channels:{Channel}:AppSecret"] = AppSecret,
    };

    [Fact]
    public async Task Connectivity_test_gets_the_exact_success_body()
    {
        using var client = App.CreateClient();

        var response = await PostAsync(client, ConnectivityTest, ConnectivityTestSignature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"code":0,"msg":"success"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Signed_trade_paid_push_becomes_one_order_signal_from_the_shop()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, TradePaid, Md5Hex(AppKey + TradePaid + AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"code":0,"msg":"success"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("doudian", signal.GetProperty("platform").GetString());
        Assert.Equal("order", signal.GetProperty("kind").GetString());
        // An order or event carries no customer text.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, signal.GetProperty("text").ValueKind);
        Assert.Equal("doudian/110", signal.GetProperty("type").GetString());
        Assert.Equal("12345", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.True(!signal.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1618990587), signal.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Forged_event_sign_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, TradePaid, Md5Hex(AppKey + TradePaid + "guessed-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("event-sign", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
    }

    // MD5(app key ‖ body ‖ secret) written out in the test, independent of the adapter's implementation.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("app-id", AppKey);
        request.Headers.Add("event-sign", signature);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
