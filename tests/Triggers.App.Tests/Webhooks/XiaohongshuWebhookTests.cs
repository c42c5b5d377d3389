using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

/// <summary>Both Xiaohongshu pushes through the real pipeline. The schemes are INFERRED (docs/platforms/xiaohongshu.md).</summary>
[Collection(AppCollection.Name)]
public sealed class XiaohongshuWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "xhs")
{
    private const string Tenant = "xiaohongshutests";
    private const string AppKey = "xhs-app-key";
    private const string AppSecret = "xhs-app-secret";

    // Python (cryptography + hashlib): WXBizMsgCrypt of a WeChat-shaped text message from xhs_user_openid_1
    // ("请问还有货吗", MsgId 900001) for app id xhs_mp_test_appid, and sha1(sorted(token, timestamp, nonce, Encrypt)).
    private const string Encrypt =
        "Q3stYC6hdFzMh9T8HCvyDDHu92A6TCf57siroB55OWZWq2qi3S7Qzd2DaflpzxZh/eFhuFarn2PIRHErZcVEhKudU6557M7JTM7fXqOiTmTxEw3A2F++cE6qQNQnJ3q2PJKaMy0ncJfAVBH/FI90JL1MXiZlGNOQRTBZMzTP3iKkkNYk8dWsch2sTQhueQ8SsHWc1gZxXAX5i0XHQvs6H+yr6kiYbnU5LBm5nj5yDFOJmdCeyNw0B4Img4STOu72wks86QIAT7USt+c0I4rWFyw6OJha+veEhrVe9l3r4v0=";

    private const string MiniProgramQuery =
        "signature=64cdad36968b15919a12e07ec75b73d2e11019ea&timestamp=1793671445&nonce=n0nce2026&encrypt_type=aes&msg_signature=7f7fb2fa90e68178cc3f8be801d5e8a932315c10";

    private const string OrderBody =
        """[{"msgTag":"msg_fulfillment_status_change","sellerId":"5f1a2b3c4d5e6f7a8b9c0d1e","data":"{\"orderId\":\"P768291112062421411\",\"orderStatus\":9,\"updateTime\":1752812659421}"}]""";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "xiaohongshu",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:Token"] = "xhsToken2026",
        [$"Channels:{Channel}:EncodingAesKey"] = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
        [$"Channels:{Channel}:AppId"] = "xhs_mp_test_appid",
        [$"Channels:{Channel}:AppKey"] = AppKey,
        [$"Channels:{Channel}:AppSecret"] = AppSecret,
        // The mini-program vector's timestamp is fixed, so the window is wide on purpose.
        [$"Channels:{Channel}:ReplayWindow"] = WeChatVectors.WideReplayWindow,
    };

    [Fact]
    public async Task An_encrypted_mini_program_message_is_answered_success_and_listed_as_a_message()
    {
        using var client = App.CreateAdminClient();

        var response = await client.PostAsync(
            $"/api/webhooks/{Channel}?{MiniProgramQuery}",
            new StringContent($$"""{"Encrypt":"{{Encrypt}}"}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("xiaohongshu", signal.GetProperty("platform").GetString());
        Assert.Equal("message", signal.GetProperty("kind").GetString());
        Assert.Equal("xhs_user_openid_1", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("请问还有货吗", signal.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_signed_e_commerce_push_is_answered_with_the_success_body_and_listed_as_an_order()
    {
        using var client = App.CreateAdminClient();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var response = await PostEcommerceAsync(client, timestamp, Sign(timestamp, AppSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":true,"error_code":0,"error_msg":""}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("order", signal.GetProperty("kind").GetString());
        Assert.Equal("5f1a2b3c4d5e6f7a8b9c0d1e", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, signal.TryGetProperty("text", out var text) ? text.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task A_forged_sign_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var response = await PostEcommerceAsync(client, timestamp, Sign(timestamp, "guessed-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
        Assert.Equal(0, await TestStorage.DedupeMarkerCountAsync(Azurite, Channel, TestContext.Current.CancellationToken));
    }

    /// <summary>The documented (inferred) sign, written out here: md5("/api/webhooks/{channel}?app-key=…&amp;timestamp=…" + secret).</summary>
    private string Sign(string timestamp, string secret) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"/api/webhooks/{Channel}?app-key={AppKey}&timestamp={timestamp}{secret}")));

    private async Task<HttpResponseMessage> PostEcommerceAsync(HttpClient client, string timestamp, string sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Channel}")
        {
            Content = new StringContent(OrderBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("app-key", AppKey);
        request.Headers.Add("timestamp", timestamp);
        request.Headers.Add("sign", sign);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
