namespace Triggers.Platforms.WeChat;

/// <summary>
/// Request-level checks that run before any message is parsed: the signature first (so a forged request
/// learns nothing else), then the replay window on the now-authentic timestamp. Shared by the WeChat
/// family (Official Account, WeCom, WeChat Shop), which differ only in what the signature also covers.
/// </summary>
internal static class WeChatVerifier
{
    public const string WeChatConsole = "the WeChat console";

    /// <summary>
    /// An unsigned request is a 401 (nothing vouches for it); any other missing parameter is a 400.
    /// </summary>
    public static WebhookRejected? RequireSigned(WebhookRequest request, string signatureParameter, params ReadOnlySpan<string> others)
    {
        if (QueryParameters.Get(request.Query, signatureParameter) is null)
        {
            return new WebhookRejected(401, $"missing query parameter {signatureParameter}: every callback is signed, so an unsigned request is refused");
        }

        return QueryParameters.RequireAll(request.Query, others);
    }

    /// <summary>The 3-way <c>signature</c> over token, timestamp and nonce; it does not cover the body.</summary>
    public static WebhookRejected? VerifySignature(WebhookRequest request, ChannelSettings channel, WeChatOptions options) =>
        Verify(request, channel, options.Token, "signature", covered: null, WeChatConsole);

    /// <summary>The 4-way <c>msg_signature</c>, which also covers the Encrypt field and so the message.</summary>
    public static WebhookRejected? VerifyMessageSignature(WebhookRequest request, ChannelSettings channel, WeChatOptions options, string encrypt) =>
        Verify(request, channel, options.Token, "msg_signature", ("Encrypt", encrypt), WeChatConsole);

    /// <summary>
    /// SHA1 over the sorted token, timestamp, nonce and, when given, the <paramref name="covered"/> value
    /// (Encrypt, or WeCom's encrypted echostr). The parameters must already be known to be present.
    /// </summary>
    /// <param name="console">Where the operator finds the Token, for the error message.</param>
    public static WebhookRejected? Verify(
        WebhookRequest request, ChannelSettings channel, string token, string signatureParameter, (string Name, string Value)? covered, string console)
    {
        var (signature, timestamp, nonce) = (Query(request, signatureParameter), Query(request, "timestamp"), Query(request, "nonce"));
        if (!ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return NotUnixSeconds(timestamp);
        }

        var matches = covered is { } part
            ? WeChatSignature.Matches(signature, token, timestamp, nonce, part.Value)
            : WeChatSignature.Matches(signature, token, timestamp, nonce);
        if (!matches)
        {
            var what = covered is { } named ? $" the {named.Name} field" : string.Empty;
            return new WebhookRejected(401,
                $"{signatureParameter} does not match{what}; check that {channel.SettingPath(ChannelSecrets.Token)} equals the Token in {console}");
        }

        return ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow);
    }

    private static string Query(WebhookRequest request, string name) => QueryParameters.Get(request.Query, name) ?? string.Empty;

    private static WebhookRejected NotUnixSeconds(string timestamp) =>
        new(400, $"query parameter timestamp '{(timestamp.Length > 20 ? timestamp[..20] + "…" : timestamp)}' is not unix seconds");
}
