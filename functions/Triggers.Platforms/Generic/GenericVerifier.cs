using System.Globalization;

namespace Triggers.Platforms.Generic;

/// <summary>Header checks that run before the body is read: signature first, then the now-authentic timestamp.</summary>
internal static class GenericVerifier
{
    public const string TimestampHeader = "X-Triggers-Timestamp";
    public const string SignatureHeader = "X-Triggers-Signature";

    // Unix seconds stay below this until the year 5138; milliseconds passed it in 1973.
    private const long MillisecondsThreshold = 100_000_000_000;

    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, GenericOptions options)
    {
        var timestamp = Header(request, TimestampHeader);
        var signature = Header(request, SignatureHeader);
        var missing = new List<string>();
        if (timestamp is null)
        {
            missing.Add(TimestampHeader);
        }

        if (signature is null)
        {
            missing.Add(SignatureHeader);
        }

        if (timestamp is null || signature is null)
        {
            return new WebhookRejected(401, $"missing header {string.Join(" and ", missing)}; sign each request as docs/platforms/generic.md describes");
        }

        if (!GenericSignature.Matches(signature, options.Secret, timestamp, request.Body.Span))
        {
            return new WebhookRejected(401,
                $"{SignatureHeader} does not match; expected sha256=<lower-hex HMAC-SHA256 of \"<{TimestampHeader}>.<raw body>\"> keyed with {channel.SettingPath(ChannelSecrets.Secret)}");
        }

        if (long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= MillisecondsThreshold)
        {
            return new WebhookRejected(400, $"{TimestampHeader} '{Shorten(timestamp)}' looks like milliseconds; send unix seconds");
        }

        if (!ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return new WebhookRejected(400, $"{TimestampHeader} '{Shorten(timestamp)}' is not unix seconds");
        }

        return ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow);
    }

    private static string? Header(WebhookRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
