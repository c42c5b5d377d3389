using System.Globalization;
using Triggers.Platforms.Tests.WeChat;
using Triggers.Platforms.WeCom;

namespace Triggers.Platforms.Tests.WeCom;

/// <summary>Channels and independently signed requests for the WeCom tests.</summary>
internal static class WeComFixtures
{
    public static readonly DateTimeOffset Now = WeChatFixtures.Now;

    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <summary>The official vectors are from 2014; this accepts them at <see cref="Now"/>.</summary>
    public static readonly TimeSpan TwentyYears = TimeSpan.FromDays(7300);

    public static readonly WeComAdapter Adapter = new();

    public static ChannelSettings Channel(
        string token = WeComVectors.Token, string? key = WeComVectors.EncodingAesKey, string? corpId = WeComVectors.CorpId,
        string? suiteId = null, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Token"] = token };
        Add(secrets, "EncodingAesKey", key);
        Add(secrets, "CorpId", corpId);
        Add(secrets, "SuiteId", suiteId);
        return new ChannelSettings("corp", "wecom", "acme", secrets, window ?? FiveMinutes);
    }

    public static WebhookRequest Get(string rawQuery, DateTimeOffset? receivedAt = null) =>
        WeChatFixtures.Request("GET", WeChatFixtures.Query(rawQuery), "", receivedAt ?? Now);

    public static WebhookRequest Post(string rawQuery, string body, DateTimeOffset? receivedAt = null) =>
        WeChatFixtures.Request("POST", WeChatFixtures.Query(rawQuery), body, receivedAt ?? Now);

    /// <summary>
    /// A POST of <paramref name="message"/> encrypted by the test-side crypto for <paramref name="receiveId"/>
    /// and signed here with msg_signature = SHA1(sort(token, timestamp, nonce, Encrypt)).
    /// </summary>
    public static WebhookRequest SignedPost(
        string message, string receiveId = WeComVectors.CorpId, string token = WeComVectors.Token, DateTimeOffset? signedAt = null,
        string random = "wecom-test-rand1", bool json = false, string nonce = "1372623149")
    {
        var encrypt = WxTestCrypto.Encrypt(WeComVectors.EncodingAesKey, message, receiveId, random);
        return SignedEnvelope(encrypt, token, signedAt ?? Now, json, nonce, InnerToUserName(message) ?? WeComVectors.CorpId);
    }

    /// <summary>The ToUserName of a plaintext message (XML or JSON), which a real envelope repeats.</summary>
    public static string? InnerToUserName(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            message,
            @"<ToUserName>(?:<!\[CDATA\[)?(?<v>[^<\]]*)(?:\]\]>)?</ToUserName>|""ToUserName""\s*:\s*""(?<v>[^""]*)""",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    public static WebhookRequest SignedEnvelope(
        string encrypt, string token, DateTimeOffset signedAt, bool json = false, string nonce = "1372623149", string toUserName = WeComVectors.CorpId)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>
        {
            ["msg_signature"] = WeChatFixtures.Sha1OfSorted(token, timestamp, nonce, encrypt),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
        };
        var body = json
            ? $$"""{"tousername":"{{toUserName}}","encrypt":"{{encrypt}}"}"""
            : $"<xml><ToUserName><![CDATA[{toUserName}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return WeChatFixtures.Request("POST", query, body, Now);
    }

    public static Dictionary<string, string> Query(string raw) => WeChatFixtures.Query(raw);

    public static WebhookRequest Request(string method, IReadOnlyDictionary<string, string> query, string body, DateTimeOffset receivedAt) =>
        WeChatFixtures.Request(method, query, body, receivedAt);

    public static string Sha1OfSorted(params string[] parts) => WeChatFixtures.Sha1OfSorted(parts);

    public static WebhookRejected Rejected(WebhookOutcome outcome) => WeChatFixtures.Rejected(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) => WeChatFixtures.Accepted(outcome);

    private static void Add(Dictionary<string, string> secrets, string name, string? value)
    {
        if (value is not null)
        {
            secrets[name] = value;
        }
    }
}
