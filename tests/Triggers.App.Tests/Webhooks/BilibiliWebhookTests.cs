using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

[Collection(AppCollection.Name)]
public sealed class BilibiliWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "bili")
{
    private const string Tenant = "bilibilitests";

    /// <summary>The danmaku sample of platforms.md §8.</summary>
    private const string DanmakuBody =
        """{"cmd":"LIVE_OPEN_PLATFORM_DM","data":{"fans_medal_level":21,"fans_medal_name":"官方","fans_medal_wearing_status":false,"guard_level":0,"msg":"你们谁扔个小心心呗","timestamp":1650717881,"uid":3102384,"uname":"猫裙少年泽远喵","uface":"http://i0.hdslb.com/bfs/face/7ced8612a3f3ef10e7238ee22b4c6948d3f53139.jpg","msg_id":"eb805544-0cf2-4688-bca1-88299e5344bf","room_id":4639581}}""";

    // Python: hashlib.md5(body) and hmac.new(b"secret-test", sorted "name:value" lines joined by "\n", sha256) with
    // accesskeyid akid-test, nonce nonce-dm-1, version 1.0, timestamp 1793671445 (self-computed, not official).
    private const string DanmakuMd5 = "3def93f2ab420455f743b14adffb70d4";
    private const string DanmakuAuthorization = "a771bc604dd10f10d8fb813867d76925d6d82b27c7e88290046f2fb6462f4dc5";
    private const string DanmakuWrongSecretAuthorization = "85f7e889bf979a31d84e746a72cce7c73e5949e443266fb3bbde586b07ad3ad9";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "bilibili",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:AppKey"] = "akid-test",
        [$"Channels:{Channel}:AppSecret"] = "secret-test",
        // The vector's timestamp is fixed, so the window is wide on purpose.
        [$"Channels:{Channel}:ReplayWindow"] = WeChatVectors.WideReplayWindow,
    };

    [Fact]
    public async Task A_signed_danmaku_is_answered_code_0_and_listed_once_even_when_posted_twice()
    {
        using var client = App.CreateAdminClient();

        var first = await PostAsync(client, DanmakuAuthorization);
        var second = await PostAsync(client, DanmakuAuthorization);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"code":0}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("bilibili", signal.GetProperty("platform").GetString());
        Assert.Equal("danmaku", signal.GetProperty("kind").GetString());
        Assert.Equal("3102384", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("你们谁扔个小心心呗", signal.GetProperty("text").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1650717881), signal.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_forged_authorization_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, DanmakuWrongSecretAuthorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("Authorization", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(0, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, TestContext.Current.CancellationToken));
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new StringContent(DanmakuBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-bili-accesskeyid", "akid-test");
        request.Headers.Add("x-bili-content-md5", DanmakuMd5);
        request.Headers.Add("x-bili-signature-method", "HMAC-SHA256");
        request.Headers.Add("x-bili-signature-nonce", "nonce-dm-1");
        request.Headers.Add("x-bili-signature-version", "1.0");
        request.Headers.Add("x-bili-timestamp", "1793671445");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
