using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.Doudian;

namespace Triggers.Platforms.Tests.Doudian;

/// <summary>Channels, requests and an independent signer for the 抖店 tests.</summary>
internal static class DoudianFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static readonly DoudianAdapter Adapter = new();

    /// <summary>The app key and secret of the self-computed vector in shared/reference/platforms.md §4b.</summary>
    public const string AppKey = "1234567890";
    public const string AppSecret = "secret-test";

    /// <summary>The connectivity-test push of that vector.</summary>
    public const string ConnectivityTest = """[{"tag":"0","msg_id":"abc","data":"{}"}]""";

    /// <summary>MD5("1234567890" ‖ <see cref="ConnectivityTest"/> ‖ "secret-test"), computed with Python's hashlib; self-computed, not official.</summary>
    public const string ConnectivityTestSignature = "dc1d7fc510f5c7daf5f94ea5d876efe1";

    /// <summary>The SKIT TradePaid sample (tag 110) on one line, with data as the JSON string 抖店 sends.</summary>
    public const string TradePaid = """[{"tag":110,"msgId":"04288XXXXXXX9348874::100:1618990587:68373744XXXXXXX9128","data":"{\"p_id\":\"xxxxxxx\",\"s_ids\":[\"xxxxxxx\"],\"shop_id\":12345,\"order_status\":2,\"order_type\":0,\"pay_type\":1,\"biz\":2,\"pay_time\":1618990587,\"pay_amount\":2990}"}]""";

    /// <summary>MD5("1234567890" ‖ <see cref="TradePaid"/> ‖ "secret-test"), computed with Python's hashlib.</summary>
    public const string TradePaidSignature = "c86fc9ddd001280ab3c433e52a943f11";

    /// <summary>The SKIT RefundCreated sample (tag 200), data as an object, as one array element.</summary>
    public const string RefundCreated = """{"tag":200,"msgId":"refund-msg-1","data":{"p_id":4705288465508532862,"s_id":4705288465508532862,"shop_id":95250,"aftersale_id":"xxxxxx","aftersale_status":13,"aftersale_type":3,"refund_amount":0,"refund_post_amount":0,"reason_code":78,"apply_time":1618990587,"refund_voucher_num":0}}""";

    public static ChannelSettings Channel(string appKey = AppKey, string appSecret = AppSecret) =>
        new("shop", "doudian", "acme",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["AppKey"] = appKey, ["AppSecret"] = appSecret },
            TimeSpan.FromMinutes(5));

    /// <summary>The documented algorithm written out again: MD5 of app key, body and secret bytes, lower-case hex.</summary>
    public static string Sign(byte[] body, string appKey = AppKey, string appSecret = AppSecret) =>
        Convert.ToHexStringLower(MD5.HashData([.. Encoding.UTF8.GetBytes(appKey), .. body, .. Encoding.UTF8.GetBytes(appSecret)]));

    public static WebhookRequest Post(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST") =>
        new(method, new Dictionary<string, string>(), headers, body, Now);

    public static WebhookRequest Post(string body, string? signature, string? appId = AppKey, string? signMethod = null, string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (signature is not null)
        {
            headers["event-sign"] = signature;
        }

        if (appId is not null)
        {
            headers["app-id"] = appId;
        }

        if (signMethod is not null)
        {
            headers["sign-method"] = signMethod;
        }

        return Post(Encoding.UTF8.GetBytes(body), headers, method);
    }

    public static WebhookRequest SignedPost(string body) => Post(body, Sign(Encoding.UTF8.GetBytes(body)));

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);
}
