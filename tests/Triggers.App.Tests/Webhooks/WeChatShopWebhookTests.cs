using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Webhooks;

/// <summary>
/// WeChat Shop through the real HTTP pipeline: the official message-push vectors (platforms.md §1.7 A, which
/// the channels/shop page publishes too) and a §3 order sample encrypted and signed here, not by the adapter.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WeChatShopWebhookTests(AzuriteFixture azurite) : ChannelWebhookTests(azurite, "shop")
{
    private const string Tenant = "shoptests";

    private protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        [$"Channels:{Channel}:Platform"] = "wechat-shop",
        [$"Channels:{Channel}:Tenant"] = Tenant,
        [$"Channels:{Channel}:Token"] = WeChatVectors.Token,
        [$"Channels:{Channel}:EncodingAesKey"] = WeChatVectors.EncodingAesKey,
        [$"Channels:{Channel}:AppId"] = WeChatVectors.AppId,
        [$"Channels:{Channel}:ReplayWindow"] = WeChatVectors.WideReplayWindow,
    };

    [Fact]
    public async Task The_official_verification_request_is_answered_with_the_echostr()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync($"/api/webhooks/{Channel}?{WeChatVectors.VerifyQuery}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WeChatVectors.VerifyEchoStr, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_paid_order_is_acknowledged_and_listed_as_an_order_from_the_buyer()
    {
        using var client = App.CreateAdminClient();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message =
            $$$"""{"ToUserName":"gh_*","FromUserName":"OPENID","CreateTime":{{{now}}},"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3705115058471208928","pay_time":"{{{now}}}"}}""";
        var encrypt = Encrypt(message, WeChatVectors.AppId);
        var query = $"signature={Sha1OfSorted(WeChatVectors.Token, now, "777")}&timestamp={now}&nonce=777&openid=OPENID&encrypt_type=aes" +
                    $"&msg_signature={Sha1OfSorted(WeChatVectors.Token, now, "777", encrypt)}";

        var response = await PostAsync(client, query, $$"""{"ToUserName":"gh_*","Encrypt":"{{encrypt}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var signals = await Eventually.WaitAsync(() => ListSignalsAsync(client), s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(10));
        var signal = Assert.Single(signals.EnumerateArray());
        Assert.Equal("wechat-shop", signal.GetProperty("platform").GetString());
        Assert.Equal("order", signal.GetProperty("kind").GetString());
        // An order or event carries no customer text.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, signal.GetProperty("text").ValueKind);
        Assert.Equal("OPENID", signal.GetProperty("actor").GetProperty("id").GetString());
        Assert.True(!signal.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_one_character_change_to_msg_signature_is_rejected_with_401_and_nothing_is_stored()
    {
        using var client = App.CreateAdminClient();
        var forged = WeChatVectors.SafeModeQuery.Replace("msg_signature=046e", "msg_signature=146e", StringComparison.Ordinal);

        var response = await PostAsync(client, forged, WeChatVectors.SafeModeBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ListSignalsAsync(client)).GetArrayLength());
    }

    [Fact]
    public async Task A_plaintext_push_is_refused_because_shop_pushes_are_always_encrypted()
    {
        using var client = App.CreateAdminClient();

        var response = await PostAsync(client, WeChatVectors.PlainQuery, WeChatVectors.PlainBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("safe mode", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string query, string body) =>
        client.PostAsync($"/api/webhooks/{Channel}?{query}", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    // WXBizMsgCrypt written out here (AES-256-CBC, IV = key[..16], PKCS#7 to 32 bytes), independent of the adapter.
    private static string Encrypt(string message, string receiveId)
    {
        var key = Convert.FromBase64String(WeChatVectors.EncodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        var plain = RandomNumberGenerator.GetBytes(16).Concat(length).Concat(body).Concat(Encoding.UTF8.GetBytes(receiveId)).ToList();
        var pad = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }

    private static string Sha1OfSorted(params string[] parts) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts.Order(StringComparer.Ordinal)))));
}
