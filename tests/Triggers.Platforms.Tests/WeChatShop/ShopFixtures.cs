using System.Globalization;
using Triggers.Platforms.Tests.WeChat;
using Triggers.Platforms.WeChatShop;
using V = Triggers.Platforms.Tests.WeChat.OfficialVectors;

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>
/// Channels and independently encrypted, signed pushes for the WeChat Shop tests. The shop publishes the
/// same message-push vectors as the Official Account page (platforms.md §1.7 A), so they are reused here.
/// </summary>
internal static class ShopFixtures
{
    public static readonly DateTimeOffset Now = WeChatFixtures.Now;

    public static readonly WeChatShopAdapter Adapter = new();

    public static ChannelSettings Channel(
        string? token = V.Token, string? key = V.EncodingAesKey, string? appId = V.AppId, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("Token", token), ("EncodingAesKey", key), ("AppId", appId) })
        {
            if (value is not null)
            {
                secrets[name] = value;
            }
        }

        return new ChannelSettings("shop", "wechat-shop", "acme", secrets, window ?? TimeSpan.FromMinutes(5));
    }

    public static WebhookRequest Get(string rawQuery) => WeChatFixtures.Request("GET", WeChatFixtures.Query(rawQuery), "", Now);

    public static WebhookRequest Post(string rawQuery, string body) => WeChatFixtures.Request("POST", WeChatFixtures.Query(rawQuery), body, Now);

    /// <summary>
    /// A safe-mode push of <paramref name="message"/>: encrypted by the test-side crypto, msg_signature (and
    /// the 3-way signature WeChat also sends) computed here.
    /// </summary>
    public static WebhookRequest SignedPush(
        string message, string appId = V.AppId, string token = V.Token, DateTimeOffset? signedAt = null, string random = "shop-test-random")
    {
        var encrypt = WxTestCrypto.Encrypt(V.EncodingAesKey, message, appId, random);
        return SignedEnvelope($$"""{"ToUserName":"gh_*","Encrypt":"{{encrypt}}"}""", encrypt, token, signedAt ?? Now);
    }

    public static WebhookRequest SignedEnvelope(string body, string encrypt, string token, DateTimeOffset signedAt, string nonce = "415670741")
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>
        {
            ["signature"] = WeChatFixtures.Sha1OfSorted(token, timestamp, nonce),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["openid"] = "OPENID",
            ["encrypt_type"] = "aes",
            ["msg_signature"] = WeChatFixtures.Sha1OfSorted(token, timestamp, nonce, encrypt),
        };
        return WeChatFixtures.Request("POST", query, body, Now);
    }

    public static WebhookRejected Rejected(WebhookOutcome outcome) => WeChatFixtures.Rejected(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) => WeChatFixtures.Accepted(outcome);
}
