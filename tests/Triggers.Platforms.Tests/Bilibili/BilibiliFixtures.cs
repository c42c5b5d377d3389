using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.Bilibili;

namespace Triggers.Platforms.Tests.Bilibili;

/// <summary>
/// Bodies and vectors for the Bilibili tests. No official vector exists: the values below were computed with
/// Python's hashlib/hmac (md5 of the body; hmac.new(secret, "\n".join(sorted "name:value"), sha256)).
/// </summary>
internal static class BilibiliFixtures
{
    public const string AppKey = "akid-test";
    public const string AppSecret = "secret-test";
    public const string Timestamp = "1793671445"; // 2026-11-03T02:04:05Z

    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1793671445).AddSeconds(2);

    /// <summary>The danmaku sample of platforms.md §8 (an OSS capture of the official format).</summary>
    public const string DanmakuBody =
        """{"cmd":"LIVE_OPEN_PLATFORM_DM","data":{"fans_medal_level":21,"fans_medal_name":"官方","fans_medal_wearing_status":false,"guard_level":0,"msg":"你们谁扔个小心心呗","timestamp":1650717881,"uid":3102384,"uname":"猫裙少年泽远喵","uface":"http://i0.hdslb.com/bfs/face/7ced8612a3f3ef10e7238ee22b4c6948d3f53139.jpg","msg_id":"eb805544-0cf2-4688-bca1-88299e5344bf","room_id":4639581}}""";

    public const string DanmakuMd5 = "3def93f2ab420455f743b14adffb70d4";

    /// <summary>accesskeyid akid-test, nonce nonce-dm-1, version 1.0, timestamp 1793671445, secret secret-test.</summary>
    public const string DanmakuAuthorization = "a771bc604dd10f10d8fb813867d76925d6d82b27c7e88290046f2fb6462f4dc5";

    /// <summary>As <see cref="DanmakuAuthorization"/> but keyed with "secret-wrong".</summary>
    public const string DanmakuWrongSecretAuthorization = "85f7e889bf979a31d84e746a72cce7c73e5949e443266fb3bbde586b07ad3ad9";

    /// <summary>As <see cref="DanmakuAuthorization"/> but with accesskeyid "akid-other" (correct secret).</summary>
    public const string DanmakuOtherKeyAuthorization = "ebb0fdc8f6f1dc04c28be92bdcae0b64b2eee3794948592304cb0ab2dbd2e04d";

    /// <summary>A guard message (user under user_info, empty msg_id) shaped like the OSS captures.</summary>
    public const string GuardBody =
        """{"cmd":"LIVE_OPEN_PLATFORM_GUARD","data":{"user_info":{"open_id":"39b8fedb-60a5-4e29-ac75-b16955f7e632","uname":"测试用户","uface":"http://i0.hdslb.com/bfs/face/4add3acfc930fcd07d06ea5e10a3a377314141c2.jpg"},"guard_level":3,"guard_num":1,"guard_unit":"月","fans_medal_level":24,"fans_medal_name":"aw4ifC","fans_medal_wearing_status":false,"timestamp":1653555128,"room_id":460695,"msg_id":""}}""";

    public const string GuardMd5 = "225fc4eb7b0ad2e4bb8b951d96f83762";

    /// <summary>nonce nonce-guard-1, otherwise as <see cref="DanmakuAuthorization"/>.</summary>
    public const string GuardAuthorization = "5e9e6e8c8eec47211e62a299db31c4035b53df2c0db369357f37a432cc3da0b6";

    public const string SuperChatBody =
        """{"cmd":"LIVE_OPEN_PLATFORM_SUPER_CHAT","data":{"room_id":1,"open_id":"7b1f1f4c-2b55-4a4b-8b0e-52a26a77a2b9","uname":"金主","message_id":42,"message":"主播加油","rmb":30,"timestamp":1753350002,"start_time":1753350002,"end_time":1753350062,"guard_level":0,"msg_id":"sc-0001"}}""";

    public const string SuperChatMd5 = "3f7529e2d21e795c4a24f50fa84af23a";

    /// <summary>nonce nonce-sc-1, otherwise as <see cref="DanmakuAuthorization"/>.</summary>
    public const string SuperChatAuthorization = "78f38cb20242a54b81942ac73ca6ccd64eaf2a225feae24579601b9bba0ad035";

    public static readonly BilibiliAdapter Adapter = new();

    public static ChannelSettings Channel(string? appKey = AppKey, string? appSecret = AppSecret, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (appKey is not null)
        {
            secrets["AppKey"] = appKey;
        }

        if (appSecret is not null)
        {
            secrets["AppSecret"] = appSecret;
        }

        return new ChannelSettings("bili", "bilibili", "acme", secrets, window ?? TimeSpan.FromMinutes(5));
    }

    public static Dictionary<string, string> Headers(string md5, string nonce, string authorization, string accessKeyId = AppKey, string timestamp = Timestamp) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["x-bili-accesskeyid"] = accessKeyId,
            ["x-bili-content-md5"] = md5,
            ["x-bili-signature-method"] = "HMAC-SHA256",
            ["x-bili-signature-nonce"] = nonce,
            ["x-bili-signature-version"] = "1.0",
            ["x-bili-timestamp"] = timestamp,
            ["Authorization"] = authorization,
            ["Content-Type"] = "application/json",
        };

    public static WebhookRequest Post(string body, Dictionary<string, string> headers, DateTimeOffset? receivedAt = null, string method = "POST") =>
        new(method, new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), receivedAt ?? Now);

    public static WebhookRequest Danmaku(DateTimeOffset? receivedAt = null) =>
        Post(DanmakuBody, Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization), receivedAt);

    /// <summary>Signs any body here, with the documented algorithm written out again (not <see cref="BilibiliSignature"/>).</summary>
    public static WebhookRequest Signed(string body, string nonce = "nonce-x", string timestamp = Timestamp, string secret = AppSecret)
    {
        var md5 = Hex(MD5.HashData(Encoding.UTF8.GetBytes(body)));
        var headers = Headers(md5, nonce, "", timestamp: timestamp);
        var signed = headers.Keys.Where(k => k.StartsWith("x-bili-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => $"{k}:{headers[k]}");
        headers["Authorization"] = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Join("\n", signed))));
        return Post(body, headers);
    }

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
