using System.Security.Cryptography;
using System.Text;
using Triggers.Core.Signals;
using Triggers.Platforms.Kuaishou;

namespace Triggers.Platforms.Tests.Kuaishou;

/// <summary>Channels, requests and an independent signer for the Kuaishou tests.</summary>
internal static class KuaishouFixtures
{
    /// <summary>2026-11-22T08:00:00Z = unix 1795334400.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static readonly KuaishouAdapter Adapter = new();

    public const string AppSecret = "secret-test";
    public const string AppId = "ks707065143182423884";

    /// <summary>The test event of the self-computed vector in shared/reference/platforms.md §6.</summary>
    public const string TestEvent = """{"event":"TEST","message_id":"m1"}""";

    /// <summary>MD5(<see cref="TestEvent"/> ‖ "secret-test"), computed with Python's hashlib; self-computed, not official.</summary>
    public const string TestEventSignature = "73607fc47a7be19887b464fbcb27e66f";

    /// <summary>A live-room comment in the inferred envelope, timestamped <see cref="Now"/> in milliseconds.</summary>
    public const string LiveComment = """{"message_id":"m-live-1","event":"live_comment","app_id":"ks707065143182423884","timestamp":1795334400000,"data":{"open_id":"5b748c61ef2901405450656638e8f702d3","content":"主播好棒","room_id":"r9"}}""";

    /// <summary>MD5(UTF-8 of <see cref="LiveComment"/> ‖ "secret-test"), computed with Python's hashlib.</summary>
    public const string LiveCommentSignature = "f42d44f19ed8a750dd67c82943494c69";

    public static ChannelSettings Channel(string appSecret = AppSecret, string? appId = null, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["AppSecret"] = appSecret };
        if (appId is not null)
        {
            secrets["AppId"] = appId;
        }

        return new ChannelSettings("ks", "kuaishou", "acme", secrets, window ?? TimeSpan.FromMinutes(5));
    }

    /// <summary>The documented rule written out again: MD5 of body bytes then secret bytes, lower-case hex.</summary>
    public static string Sign(byte[] body, string appSecret = AppSecret) =>
        Convert.ToHexStringLower(MD5.HashData([.. body, .. Encoding.UTF8.GetBytes(appSecret)]));

    public static WebhookRequest Post(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST") =>
        new(method, new Dictionary<string, string>(), headers, body, Now);

    public static WebhookRequest Post(string body, string? signature, string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (signature is not null)
        {
            headers["kwaisign"] = signature;
        }

        return Post(Encoding.UTF8.GetBytes(body), headers, method);
    }

    public static WebhookRequest SignedPost(string body) => Post(body, Sign(Encoding.UTF8.GetBytes(body)));

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static Signal Single(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.Single(Assert.IsType<WebhookAccepted>(outcome).Signals);
}
