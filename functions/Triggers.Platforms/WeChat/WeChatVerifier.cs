namespace Triggers.Platforms.WeChat;

/// <summary>
/// Request-level checks that run before any message is parsed: the signature first (so a forged request
/// learns nothing else), then the replay window on the now-authentic timestamp.
/// </summary>
internal static class WeChatVerifier
{
    /// <summary>The 3-way <c>signature</c> over token, timestamp and nonce; it does not cover the body.</summary>
    public static WebhookRejected? VerifySignature(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        var (signature, timestamp, nonce) = (Query(request, "signature"), Query(request, "timestamp"), Query(request, "nonce"));
        if (!ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return NotUnixSeconds(timestamp);
        }

        if (!WeChatSignature.Matches(signature, options.Token, timestamp, nonce))
        {
            return new WebhookRejected(401, $"signature does not match; check that {channel.SettingPath(ChannelSecrets.Token)} equals the Token in the WeChat console");
        }

        return ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow);
    }

    /// <summary>The 4-way <c>msg_signature</c>, which also covers the Encrypt field and so the message.</summary>
    public static WebhookRejected? VerifyMessageSignature(WebhookRequest request, ChannelSettings channel, WeChatOptions options, string encrypt)
    {
        var (signature, timestamp, nonce) = (Query(request, "msg_signature"), Query(request, "timestamp"), Query(request, "nonce"));
        if (!ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return NotUnixSeconds(timestamp);
        }

        if (!WeChatSignature.Matches(signature, options.Token, timestamp, nonce, encrypt))
        {
            return new WebhookRejected(401, $"msg_signature does not match the Encrypt field; check that {channel.SettingPath(ChannelSecrets.Token)} equals the Token in the WeChat console");
        }

        return ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow);
    }

    // Callers have already required these parameters.
    private static string Query(WebhookRequest request, string name) => QueryParameters.Get(request.Query, name) ?? string.Empty;

    private static WebhookRejected NotUnixSeconds(string timestamp) =>
        new(400, $"query parameter timestamp '{(timestamp.Length > 20 ? timestamp[..20] + "…" : timestamp)}' is not unix seconds");
}
