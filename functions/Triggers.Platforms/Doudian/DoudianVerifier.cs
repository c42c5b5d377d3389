using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Doudian;

/// <summary>
/// Request-level checks before the body is read: the app the push is for, the signing method, then the
/// signature. 抖店 signs no timestamp, so replays are caught only by the dedupe on msg_id.
/// </summary>
internal static class DoudianVerifier
{
    public const string AppIdHeader = "app-id";
    public const string SignatureHeader = "event-sign";
    public const string SignMethodHeader = "sign-method";

    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, DoudianOptions options)
    {
        var appId = RequestHeaders.Get(request, AppIdHeader);
        if (appId is null)
        {
            return new WebhookRejected(401, $"missing header {AppIdHeader}; 抖店 sends the app key of the pushing app in it");
        }

        // The app key is not secret (it travels in this header), so naming the mismatch costs nothing and tells
        // an operator which channel the push was meant for.
        if (!string.Equals(appId, options.AppKey, StringComparison.Ordinal))
        {
            var shown = appId.Length > 40 ? appId[..40] + "…" : appId;
            return new WebhookRejected(403,
                $"push is for app '{shown}', not this channel's; set {channel.SettingPath(ChannelSecrets.AppKey)} to the app key of the 抖店 app that pushes to this URL");
        }

        // Only MD5 is documented by two independent implementations; another method is refused rather than guessed.
        var method = RequestHeaders.Get(request, SignMethodHeader);
        if (method is not null && !string.Equals(method, "md5", StringComparison.OrdinalIgnoreCase))
        {
            var shown = method.Length > 20 ? method[..20] + "…" : method;
            return new WebhookRejected(401, $"header {SignMethodHeader} '{shown}' is not supported; only MD5 event-sign signatures are verified");
        }

        var signature = RequestHeaders.Get(request, SignatureHeader);
        if (signature is null)
        {
            return new WebhookRejected(401, $"missing header {SignatureHeader}; 抖店 signs every push with the app secret");
        }

        return DoudianSignature.Matches(signature, options.AppKey, request.Body.Span, options.AppSecret)
            ? null
            : new WebhookRejected(401,
                $"header {SignatureHeader} does not match the body; check that {channel.SettingPath(ChannelSecrets.AppSecret)} " +
                "equals the App Secret of the 抖店 app");
    }
}
