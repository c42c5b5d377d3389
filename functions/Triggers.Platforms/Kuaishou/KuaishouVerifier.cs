using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Kuaishou;

/// <summary>
/// The signature before anything is read; then, once the body is known to be Kuaishou's, its timestamp
/// (covered by the signature because it is in the body) against the replay window.
/// </summary>
internal static class KuaishouVerifier
{
    public const string SignatureHeader = "kwaisign";

    public static WebhookRejected? VerifySignature(WebhookRequest request, ChannelSettings channel, KuaishouOptions options)
    {
        var signature = RequestHeaders.Get(request, SignatureHeader);
        if (signature is null)
        {
            return new WebhookRejected(401, $"missing header {SignatureHeader}; Kuaishou signs every push with the app secret");
        }

        return KuaishouSignature.Matches(signature, request.Body.Span, options.AppSecret)
            ? null
            : new WebhookRejected(401,
                $"header {SignatureHeader} does not match the body; check that {channel.SettingPath(ChannelSecrets.AppSecret)} equals the app_secret of the Kuaishou app");
    }

    /// <summary>A 401 when the envelope's timestamp (unix seconds or milliseconds) is outside the window; null when fresh or absent.</summary>
    public static WebhookRejected? CheckTimestamp(KuaishouEnvelope envelope, WebhookRequest request, ChannelSettings channel) =>
        envelope.SentAt is { } sentAt
            ? ReplayGuard.Check(envelope.Timestamp!, sentAt, request.ReceivedAt, channel.ReplayWindow)
            : null;
}
