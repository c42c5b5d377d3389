using System.Text;
using Triggers.Platforms.Xiaohongshu;

namespace Triggers.Platforms.Tests.Xiaohongshu;

/// <summary>
/// Vectors for the (inferred) Xiaohongshu schemes, computed with Python: WXBizMsgCrypt with the
/// `cryptography` package (AES-256-CBC, IV = key[:16], rand16 ‖ len32be ‖ msg ‖ appid, PKCS#7 to 32) and
/// hashlib.sha1 over the sorted parts; the e-commerce sign with hashlib.md5 over the documented string.
/// </summary>
internal static class XiaohongshuFixtures
{
    public const string Token = "xhsToken2026";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "xhs_mp_test_appid";
    public const string AppKey = "xhs-app-key";
    public const string AppSecret = "xhs-app-secret";
    public const string Timestamp = "1793671445"; // 2026-11-03T02:04:05Z
    public const string Nonce = "n0nce2026";

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1793671445).AddSeconds(2);

    /// <summary>The plaintext inside <see cref="Encrypt"/>: a WeChat-shaped text message (the assumed format).</summary>
    public const string PlainMessage =
        """{"ToUserName":"xhs_pro_account","FromUserName":"xhs_user_openid_1","CreateTime":1793671440,"MsgType":"text","Content":"请问还有货吗","MsgId":"900001"}""";

    /// <summary><see cref="PlainMessage"/> encrypted for <see cref="AppId"/> with random "0123456789abcdef".</summary>
    public const string Encrypt =
        "Q3stYC6hdFzMh9T8HCvyDDHu92A6TCf57siroB55OWZWq2qi3S7Qzd2DaflpzxZh/eFhuFarn2PIRHErZcVEhKudU6557M7JTM7fXqOiTmTxEw3A2F++cE6qQNQnJ3q2PJKaMy0ncJfAVBH/FI90JL1MXiZlGNOQRTBZMzTP3iKkkNYk8dWsch2sTQhueQ8SsHWc1gZxXAX5i0XHQvs6H+yr6kiYbnU5LBm5nj5yDFOJmdCeyNw0B4Img4STOu72wks86QIAT7USt+c0I4rWFyw6OJha+veEhrVe9l3r4v0=";

    /// <summary>sha1(sorted(token, timestamp, nonce, Encrypt)).</summary>
    public const string MsgSignature = "7f7fb2fa90e68178cc3f8be801d5e8a932315c10";

    /// <summary>The same plaintext encrypted for "another_appid".</summary>
    public const string EncryptForOtherApp =
        "Q3stYC6hdFzMh9T8HCvyDDHu92A6TCf57siroB55OWZWq2qi3S7Qzd2DaflpzxZh/eFhuFarn2PIRHErZcVEhKudU6557M7JTM7fXqOiTmTxEw3A2F++cE6qQNQnJ3q2PJKaMy0ncJfAVBH/FI90JL1MXiZlGNOQRTBZMzTP3iKkkNYk8dWsch2sTQhueQ8SsHWc1gZxXAX5i0XHQvs6H+yr6kiYbnU5LBm5nj5yDFPB3jCbNrxQiF3ssxCrPBad";

    public const string MsgSignatureForOtherApp = "884fc4959d90db859efe435e9bed52ef094644a8";

    /// <summary>sha1(sorted(token, timestamp, nonce)): the GET and plain signature.</summary>
    public const string Signature = "64cdad36968b15919a12e07ec75b73d2e11019ea";

    public const string OrderData =
        """{"orderId":"P768291112062421411","packageId":"P768291112062421411","orderStatus":9,"updateTime":1752812659421,"packageStatus":9}""";

    /// <summary>One msg_fulfillment_status_change item with the sample data of platforms.md §5.</summary>
    public const string OrderBody =
        """[{"msgTag":"msg_fulfillment_status_change","sellerId":"5f1a2b3c4d5e6f7a8b9c0d1e","data":"{\"orderId\":\"P768291112062421411\",\"packageId\":\"P768291112062421411\",\"orderStatus\":9,\"updateTime\":1752812659421,\"packageStatus\":9}"}]""";

    /// <summary>"msg_fulfillment_status_change:" + sha256("msg_fulfillment_status_change\n" + OrderData)[:32 hex].</summary>
    public const string OrderDedupeKey = "msg_fulfillment_status_change:a4cf0411d2e07cf1878ae814ae3fa1c2";

    public const string TimestampMs = "1793671445000";

    /// <summary>md5("/api/webhooks/xhs?app-key=xhs-app-key&amp;timestamp=1793671445000xhs-app-secret").</summary>
    public const string SignMs = "3627d7b805bf5d5ef2938a2dc9e4e67b";

    /// <summary>md5("/api/webhooks/xhs?app-key=xhs-app-key&amp;timestamp=1793671445xhs-app-secret").</summary>
    public const string SignSeconds = "291923e0b799b597c9af3cab7c7d0dbd";

    /// <summary>As <see cref="SignMs"/> with the secret "wrong-secret".</summary>
    public const string SignWrongSecret = "d6635c2d39786c74e2e3acd66bf1baf7";

    /// <summary>As <see cref="SignMs"/> with app-key "other-app-key" (correct secret).</summary>
    public const string SignOtherAppKey = "0d8825252dfadaad689e002384aa1fbe";

    public static readonly XiaohongshuAdapter Adapter = new();

    public static ChannelSettings Channel(bool miniProgram = true, bool ecommerce = true, TimeSpan? window = null, params (string Name, string? Value)[] overrides)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (miniProgram)
        {
            (secrets["Token"], secrets["EncodingAesKey"], secrets["AppId"]) = (Token, EncodingAesKey, AppId);
        }

        if (ecommerce)
        {
            (secrets["AppKey"], secrets["AppSecret"]) = (AppKey, AppSecret);
        }

        foreach (var (name, value) in overrides)
        {
            if (value is null)
            {
                secrets.Remove(name);
            }
            else
            {
                secrets[name] = value;
            }
        }

        return new ChannelSettings("xhs", "xiaohongshu", "acme", secrets, window ?? TimeSpan.FromMinutes(5));
    }

    public static WebhookRequest Request(string method, Dictionary<string, string> query, Dictionary<string, string> headers, string body, DateTimeOffset? receivedAt = null) =>
        new(method, query, headers, Encoding.UTF8.GetBytes(body), receivedAt ?? Now);

    public static Dictionary<string, string> MiniProgramQuery(string msgSignature = MsgSignature) => new(StringComparer.Ordinal)
    {
        ["signature"] = Signature,
        ["timestamp"] = Timestamp,
        ["nonce"] = Nonce,
        ["encrypt_type"] = "aes",
        ["msg_signature"] = msgSignature,
    };

    public static string EncryptedBody(string encrypt = Encrypt) => $$"""{"Encrypt":"{{encrypt}}"}""";

    public static WebhookRequest MiniProgramPost(DateTimeOffset? receivedAt = null) =>
        Request("POST", MiniProgramQuery(), NoHeaders(), EncryptedBody(), receivedAt);

    public static Dictionary<string, string> EcommerceHeaders(string sign = SignMs, string timestamp = TimestampMs, string appKey = AppKey) =>
        new(StringComparer.OrdinalIgnoreCase) { ["app-key"] = appKey, ["timestamp"] = timestamp, ["sign"] = sign, ["Content-Type"] = "application/json" };

    public static WebhookRequest EcommercePost(string body = OrderBody, Dictionary<string, string>? headers = null, DateTimeOffset? receivedAt = null) =>
        Request("POST", [], headers ?? EcommerceHeaders(), body, receivedAt);

    public static Dictionary<string, string> NoHeaders() => new(StringComparer.OrdinalIgnoreCase);

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);
}
