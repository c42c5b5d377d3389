using System.Security.Cryptography;
using System.Text;
using Triggers.Core.Signals;
using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Tests.Douyin;

/// <summary>Channels, requests and an independent signer for the Douyin tests.</summary>
internal static class DouyinFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static readonly DouyinAdapter Adapter = new();

    /// <summary>The secret of the self-computed vector in shared/reference/platforms.md §4a.</summary>
    public const string Secret = "test_secret";

    public static ChannelSettings Channel(string secret = Secret, string? appId = null, string? clientKey = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ClientSecret"] = secret };
        if (appId is not null)
        {
            secrets["AppId"] = appId;
        }

        if (clientKey is not null)
        {
            secrets["ClientKey"] = clientKey;
        }

        return new ChannelSettings("demo", "douyin", "acme", secrets, TimeSpan.FromMinutes(5));
    }

    /// <summary>The documented algorithm written out again (SHA1 of secret bytes then body bytes), so tests do not trust DouyinSignature.</summary>
    public static string Sign(string secret, byte[] body) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.UTF8.GetBytes(secret), .. body]));

    public static WebhookRequest Post(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST") =>
        new(method, new Dictionary<string, string>(), headers, body, Now);

    public static WebhookRequest Post(string body, string? signature, string? msgId = null, string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (signature is not null)
        {
            headers["X-Douyin-Signature"] = signature;
        }

        if (msgId is not null)
        {
            headers["Msg-Id"] = msgId;
        }

        return Post(Encoding.UTF8.GetBytes(body), headers, method);
    }

    public static WebhookRequest SignedPost(string body, string secret = Secret, string? msgId = null) =>
        Post(body, Sign(secret, Encoding.UTF8.GetBytes(body)), msgId);

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);

    public static Signal Single(WebhookOutcome outcome) => Assert.Single(Accepted(outcome).Signals);
}
