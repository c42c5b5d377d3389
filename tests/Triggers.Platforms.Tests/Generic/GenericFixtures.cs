using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Triggers.Platforms.Generic;

namespace Triggers.Platforms.Tests.Generic;

/// <summary>Channels, requests and vectors for the generic webhook tests.</summary>
internal static class GenericFixtures
{
    public const string Secret = "generic-test-secret-0001";
    public const string Timestamp = "1793671445"; // 2026-11-03T02:04:05Z

    public static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1793671445);
    public static readonly DateTimeOffset Now = SignedAt.AddSeconds(3);

    public const string SingleBody =
        """{"id":"crm-1","kind":"message","actor":{"id":"cust-42","name":"Ann"},"text":"The parcel arrived broken","occurredAt":"2026-11-03T10:04:05+08:00"}""";

    /// <summary>Python: hmac.new(b"generic-test-secret-0001", b"1793671445." + SingleBody, hashlib.sha256).hexdigest() (also checked with openssl dgst -sha256 -hmac).</summary>
    public const string SingleSignature = "4826a71615b59b2e54a342dbd3fce83b75d3c6f3dde5bfa53f063c044d6c61ac";

    public const string BatchBody =
        """[{"id":"crm-2","kind":"order","actor":{"id":"cust-42"},"text":null,"occurredAt":"2026-11-03T02:00:00Z","attributes":{"orderId":"A123"}},{"id":"crm-3","kind":"review","actor":{"id":"cust-7"},"text":"Great service","occurredAt":"2026-11-03T02:01:00Z"}]""";

    /// <summary>Python, as above, over b"1793671445." + BatchBody.</summary>
    public const string BatchSignature = "aa52b832caaaa8f979a9167188c1fed332af3533a4c5a2a798a0dfa724dbb3b3";

    /// <summary>Python, as above, with the key b"wrong-secret-wrong-secret" over SingleBody.</summary>
    public const string WrongSecretSignature = "6f78ef0e1e2532f1797a81039d9242745d82d17f84c268e3c2d873ea32c57dd5";

    public static readonly GenericAdapter Adapter = new();

    public static ChannelSettings Channel(string? secret = Secret, TimeSpan? window = null)
    {
        var secrets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (secret is not null)
        {
            secrets["Secret"] = secret;
        }

        return new ChannelSettings("crm", "generic", "acme", secrets, window ?? TimeSpan.FromMinutes(5));
    }

    public static WebhookRequest Post(string body, string? timestamp, string? signature, DateTimeOffset? receivedAt = null, string method = "POST")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (timestamp is not null)
        {
            headers["X-Triggers-Timestamp"] = timestamp;
        }

        if (signature is not null)
        {
            headers["X-Triggers-Signature"] = signature;
        }

        return new WebhookRequest(method, new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), receivedAt ?? Now);
    }

    /// <summary>A request signed here with the documented algorithm, independently of <see cref="GenericSignature"/>.</summary>
    public static WebhookRequest Signed(string body, DateTimeOffset signedAt, DateTimeOffset? receivedAt = null, string secret = Secret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Post(body, timestamp, SignatureHeader(timestamp, body, secret), receivedAt);
    }

    /// <summary>"sha256=" + lower-hex HMAC-SHA256(secret, timestamp + "." + body), written out from the docs.</summary>
    public static string SignatureHeader(string timestamp, string body, string secret = Secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + string.Concat(mac.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    public static WebhookRejected Rejected(WebhookOutcome outcome) => Assert.IsType<WebhookRejected>(outcome);

    public static WebhookAccepted Accepted(WebhookOutcome outcome) =>
        outcome is WebhookRejected rejected
            ? throw new Xunit.Sdk.XunitException($"expected acceptance, got {rejected.StatusCode}: {rejected.Error}")
            : Assert.IsType<WebhookAccepted>(outcome);
}
