using System.Security.Cryptography;
using System.Text;
using Triggers.App.Tests.Infrastructure;

namespace Triggers.App.Tests.Webhooks.Fuzz;

/// <summary>
/// One valid request per platform, signed here from each platform's documented algorithm (independently of the
/// adapters), with settings wide enough that the official vectors' old timestamps are accepted.
/// </summary>
internal static class FuzzSamples
{
    private const string Wide = "7300.00:00:00";

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Utf8(s)));

    private static string Sha1(string s) => Convert.ToHexStringLower(SHA1.HashData(Utf8(s)));

    private static Dictionary<string, string> H(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<FuzzSample> All { get; } =
    [
        WeChat(), WeCom(), WeChatShop(), Douyin(), Doudian(), Kuaishou(), XiaohongshuMiniProgram(), XiaohongshuEcommerce(), Bilibili(), Generic(),
    ];

    // Official message-push vector (platforms.md §1.7 A): safe mode, JSON.
    private static FuzzSample WeChat() => new(
        "wechat",
        new Dictionary<string, string> { ["Platform"] = "wechat", ["Token"] = WeChatVectors.Token, ["EncodingAesKey"] = WeChatVectors.EncodingAesKey, ["AppId"] = WeChatVectors.AppId, ["ReplayWindow"] = Wide },
        channel => new SampleRequest($"/api/webhooks/{channel}?{WeChatVectors.SafeModeQuery}", H(), Utf8(WeChatVectors.SafeModeBody), "application/json"),
        [], ["msg_signature", "timestamp", "nonce", "encrypt_type"], BodySigned: true);

    // Same vectors on the channels (shop) page.
    private static FuzzSample WeChatShop() => WeChat() with
    {
        Name = "wechat-shop",
        Settings = new Dictionary<string, string> { ["Platform"] = "wechat-shop", ["Token"] = WeChatVectors.Token, ["EncodingAesKey"] = WeChatVectors.EncodingAesKey, ["AppId"] = WeChatVectors.AppId, ["ReplayWindow"] = Wide },
    };

    // Official WeCom DecryptMsg vector (platforms.md §2.4).
    private static FuzzSample WeCom()
    {
        const string encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        var body = $"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        return new FuzzSample(
            "wecom",
            new Dictionary<string, string> { ["Platform"] = "wecom", ["Token"] = "QDG6eK", ["EncodingAesKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", ["CorpId"] = "wx5823bf96d3bd56c7", ["ReplayWindow"] = Wide },
            channel => new SampleRequest($"/api/webhooks/{channel}?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149", H(), Utf8(body), "text/xml"),
            [], ["msg_signature", "timestamp", "nonce"], BodySigned: true);
    }

    // X-Douyin-Signature = SHA1(client secret ‖ body).
    private static FuzzSample Douyin()
    {
        const string secret = "fuzz_douyin_secret";
        const string body = """{"event":"im_receive_msg","client_key":"","from_user_id":"dy-user-1","to_user_id":"dy-brand","content":"{\"message_type\":\"text\",\"create_time\":1681303285997,\"text\":\"还有现车吗\"}"}""";
        return new FuzzSample(
            "douyin",
            new Dictionary<string, string> { ["Platform"] = "douyin", ["ClientSecret"] = secret },
            channel => new SampleRequest($"/api/webhooks/{channel}", H(("X-Douyin-Signature", Sha1(secret + body)), ("Msg-Id", "dy-msg-1")), Utf8(body), "application/json"),
            ["X-Douyin-Signature"], [], BodySigned: true);
    }

    // event-sign = MD5(app key ‖ body ‖ app secret), app-id = app key.
    private static FuzzSample Doudian()
    {
        const string key = "7001002003";
        const string secret = "fuzz-doudian-secret";
        const string body = """[{"tag":110,"msg_id":"dd-fuzz-1","data":"{\"p_id\":\"6919000000000000009\",\"shop_id\":12345,\"pay_amount\":2990}"}]""";
        return new FuzzSample(
            "doudian",
            new Dictionary<string, string> { ["Platform"] = "doudian", ["AppKey"] = key, ["AppSecret"] = secret },
            channel => new SampleRequest($"/api/webhooks/{channel}", H(("app-id", key), ("event-sign", Md5(key + body + secret))), Utf8(body), "application/json"),
            ["app-id", "event-sign"], [], BodySigned: true);
    }

    // kwaisign = MD5(body ‖ app secret).
    private static FuzzSample Kuaishou()
    {
        const string secret = "fuzz-kuaishou-secret";
        const string body = """{"message_id":"ks-fuzz-1","event":"live_comment","app_id":"ks-app","data":{"open_id":"ks-viewer","content":"好看"}}""";
        return new FuzzSample(
            "kuaishou",
            new Dictionary<string, string> { ["Platform"] = "kuaishou", ["AppSecret"] = secret, ["AppId"] = "ks-app" },
            channel => new SampleRequest($"/api/webhooks/{channel}", H(("kwaisign", Md5(body + secret))), Utf8(body), "application/json"),
            ["kwaisign"], [], BodySigned: true);
    }

    // Mini-program push: WeChat-style msg_signature over the encrypted body (inferred).
    private static FuzzSample XiaohongshuMiniProgram()
    {
        const string token = "xhsFuzzToken";
        const string key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        const string appId = "xhs_fuzz_appid";
        var encrypt = WxTestCipher.Encrypt(key, appId,
            """{"ToUserName":"xhs_account","FromUserName":"xhs-user-1","CreateTime":1714112445,"MsgType":"text","Content":"想了解价格","MsgId":"880001"}""");
        var body = $$"""{"ToUserName":"xhs_account","Encrypt":"{{encrypt}}"}""";
        var query = $"timestamp=1714112445&nonce=77&msg_signature={WxTestCipher.Signature(token, "1714112445", "77", encrypt)}";
        return new FuzzSample(
            "xiaohongshu-miniprogram",
            new Dictionary<string, string> { ["Platform"] = "xiaohongshu", ["Token"] = token, ["EncodingAesKey"] = key, ["AppId"] = appId, ["AppKey"] = "xhs-key", ["AppSecret"] = "xhs-secret", ["ReplayWindow"] = Wide },
            channel => new SampleRequest($"/api/webhooks/{channel}?{query}", H(), Utf8(body), "application/json"),
            [], ["msg_signature", "timestamp", "nonce"], BodySigned: true);
    }

    // E-commerce push (inferred): sign = MD5("/api/webhooks/{channel}?app-key=…&timestamp=…" + secret). The body is not
    // covered by that sign, so body mutations are not expected to be caught here (documented in docs/platforms/xiaohongshu.md).
    private static FuzzSample XiaohongshuEcommerce()
    {
        const string appKey = "xhs-key";
        const string secret = "xhs-secret";
        const string timestamp = "1714112445000";
        const string body = """[{"msgTag":"msg_fulfillment_status_change","sellerId":"seller-1","data":"{\"orderId\":\"P768291112062421411\",\"orderStatus\":4,\"updateTime\":1714112445000}"}]""";
        return new FuzzSample(
            "xiaohongshu-ecommerce",
            XiaohongshuMiniProgram().Settings,
            channel => new SampleRequest($"/api/webhooks/{channel}", H(("app-key", appKey), ("timestamp", timestamp), ("sign", Md5($"/api/webhooks/{channel}?app-key={appKey}&timestamp={timestamp}{secret}"))), Utf8(body), "application/json"),
            ["app-key", "timestamp", "sign"], [], BodySigned: false);
    }

    // Authorization = HMAC-SHA256(secret, sorted "x-bili-*:value" lines); x-bili-content-md5 = MD5(body).
    private static FuzzSample Bilibili()
    {
        const string body = """{"cmd":"LIVE_OPEN_PLATFORM_DM","data":{"msg":"主播好","open_id":"bili-viewer","uname":"观众","timestamp":1714112445,"msg_id":"bili-fuzz-1","room_id":4639581}}""";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-bili-accesskeyid"] = "bili-key",
            ["x-bili-content-md5"] = Md5(body),
            ["x-bili-signature-method"] = "HMAC-SHA256",
            ["x-bili-signature-nonce"] = "nonce-fuzz-1",
            ["x-bili-signature-version"] = "1.0",
            ["x-bili-timestamp"] = "1714112445",
        };
        var toSign = string.Join("\n", headers.Select(h => $"{h.Key}:{h.Value}"));
        var authorization = Convert.ToHexStringLower(HMACSHA256.HashData(Utf8("bili-secret"), Utf8(toSign)));
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase) { ["Authorization"] = authorization };
        return new FuzzSample(
            "bilibili",
            new Dictionary<string, string> { ["Platform"] = "bilibili", ["AppKey"] = "bili-key", ["AppSecret"] = "bili-secret", ["ReplayWindow"] = Wide },
            channel => new SampleRequest("/api/webhooks/" + channel, all, Utf8(body), "application/json"),
            [.. all.Keys], [], BodySigned: true);
    }

    // X-Triggers-Signature = sha256=HMAC-SHA256(secret, timestamp + "." + body).
    private static FuzzSample Generic()
    {
        const string secret = "fuzz-generic-secret-0123456789";
        const string timestamp = "1714112445";
        const string body = """{"id":"order-fuzz-1","kind":"order","actor":{"id":"crm-42"},"text":"paid","occurredAt":"2024-04-26T06:20:45Z"}""";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(secret), Utf8(timestamp + "." + body)));
        return new FuzzSample(
            "generic",
            new Dictionary<string, string> { ["Platform"] = "generic", ["Secret"] = secret, ["ReplayWindow"] = Wide },
            channel => new SampleRequest($"/api/webhooks/{channel}", H(("X-Triggers-Timestamp", timestamp), ("X-Triggers-Signature", signature)), Utf8(body), "application/json"),
            ["X-Triggers-Timestamp", "X-Triggers-Signature"], [], BodySigned: true);
    }

}
