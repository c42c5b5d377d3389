namespace Triggers.Platforms.Bilibili;

/// <summary>
/// Header checks before the body is parsed: the signature over the x-bili-* headers, then the body against
/// the signed MD5 (which is how the signature covers the body), then the timestamp and the access key id.
/// </summary>
internal static class BilibiliVerifier
{
    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, BilibiliOptions options)
    {
        var missing = BilibiliSignature.SignedHeaders.Append(BilibiliSignature.Authorization).Where(name => Header(request, name) is null).ToList();
        if (missing.Count > 0)
        {
            return new WebhookRejected(401, $"missing header{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}; Bilibili callbacks carry the signed x-bili-* headers and Authorization");
        }

        var method = Header(request, BilibiliSignature.SignatureMethod)!;
        if (!string.Equals(method, BilibiliSignature.HmacSha256, StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookRejected(401, $"{BilibiliSignature.SignatureMethod} '{Shorten(method)}' is not supported; expected {BilibiliSignature.HmacSha256}");
        }

        var expected = BilibiliSignature.Compute(options.AppSecret, BilibiliSignature.StringToSign(name => Header(request, name)!));
        if (!BilibiliSignature.HexEquals(expected, Header(request, BilibiliSignature.Authorization)!))
        {
            return new WebhookRejected(401, $"Authorization does not match the x-bili-* headers; check that {channel.SettingPath(ChannelSecrets.AppSecret)} is the access_key_secret the sender signs with");
        }

        if (!BilibiliSignature.HexEquals(BilibiliSignature.BodyMd5(request.Body.Span), Header(request, BilibiliSignature.ContentMd5)!))
        {
            return new WebhookRejected(401, $"body does not match {BilibiliSignature.ContentMd5} (the MD5 of the raw body): it was changed or re-encoded after signing");
        }

        var timestamp = Header(request, BilibiliSignature.Timestamp)!;
        if (!ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return new WebhookRejected(400, $"{BilibiliSignature.Timestamp} '{Shorten(timestamp)}' is not unix seconds");
        }

        if (ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow) is { } stale)
        {
            return stale;
        }

        var accessKeyId = Header(request, BilibiliSignature.AccessKeyId)!;
        return string.Equals(accessKeyId, options.AppKey, StringComparison.Ordinal)
            ? null
            : new WebhookRejected(403, $"{BilibiliSignature.AccessKeyId} '{Shorten(accessKeyId)}' is not this channel's {channel.SettingPath(ChannelSecrets.AppKey)}");
    }

    public static string? Header(WebhookRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
