using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.Tests.WeChat;

/// <summary>Channels, requests and an independent signer for the WeChat tests.</summary>
internal static class WeChatFixtures
{
    /// <summary>A receive time long after the 2024 official vectors.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    /// <summary>Wide enough to accept the official vectors' 2024 timestamps at <see cref="Now"/>.</summary>
    public static readonly TimeSpan TenYears = TimeSpan.FromDays(3650);

    public static readonly WeChatAdapter Adapter = new();

    public static ChannelSettings Channel(string token, string? encodingAesKey = null, string? appId = null, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Token"] = token };
        if (encodingAesKey is not null)
        {
            secrets["EncodingAesKey"] = encodingAesKey;
        }

        if (appId is not null)
        {
            secrets["AppId"] = appId;
        }

        return new ChannelSettings("demo", "wechat", "acme", secrets, window ?? FiveMinutes);
    }

    /// <summary>Parses "a=1&amp;b=2" the way ASP.NET hands the query over: decoded values.</summary>
    public static Dictionary<string, string> Query(string raw) =>
        raw.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);

    public static WebhookRequest Request(string method, IReadOnlyDictionary<string, string> query, string body, DateTimeOffset receivedAt) =>
        new(method, query, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body), receivedAt);

    public static WebhookRequest Post(string rawQuery, string body, DateTimeOffset? receivedAt = null) =>
        Request("POST", Query(rawQuery), body, receivedAt ?? Now);

    /// <summary>A plaintext-mode POST signed here, independently of the code under test.</summary>
    public static WebhookRequest SignedPlainPost(string token, string body, DateTimeOffset signedAt, DateTimeOffset receivedAt, string nonce = "20261122")
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>
        {
            ["signature"] = Sha1OfSorted(token, timestamp, nonce),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["openid"] = "fromUser",
        };
        return Request("POST", query, body, receivedAt);
    }

    /// <summary>A safe-mode POST whose Encrypt field and msg_signature are built here.</summary>
    /// <remarks>The envelope carries ToUserName only when given: it must equal the encrypted message's (the adapter checks).</remarks>
    public static WebhookRequest SignedEncryptedPost(string token, string encrypt, DateTimeOffset signedAt, DateTimeOffset receivedAt, string nonce = "20261122", string? toUserName = null)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>
        {
            ["signature"] = Sha1OfSorted(token, timestamp, nonce),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["encrypt_type"] = "aes",
            ["msg_signature"] = Sha1OfSorted(token, timestamp, nonce, encrypt),
        };
        var to = toUserName is null ? string.Empty : $"<ToUserName><![CDATA[{toUserName}]]></ToUserName>";
        return Request("POST", query, $"<xml>{to}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", receivedAt);
    }

    /// <summary>The documented algorithm, written out again so tests do not trust <see cref="WeChatSignature"/>.</summary>
    public static string Sha1OfSorted(params string[] parts)
    {
        var sorted = parts.OrderBy(part => part, StringComparer.Ordinal);
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return string.Concat(digest.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WeChat", "Samples", name));

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);
}
