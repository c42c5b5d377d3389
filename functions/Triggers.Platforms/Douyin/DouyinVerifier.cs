namespace Triggers.Platforms.Douyin;

/// <summary>
/// The request-level check that runs before the body is read. Douyin signs no timestamp, so there is no
/// replay window: a replayed body is caught by the dedupe on the signed body (see <see cref="DouyinNormaliser.SignedIdentity"/>).
/// </summary>
internal static class DouyinVerifier
{
    public const string SignatureHeader = "X-Douyin-Signature";
    public const string MessageIdHeader = "Msg-Id";

    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, DouyinOptions options)
    {
        var signature = RequestHeaders.Get(request, SignatureHeader);
        if (signature is null)
        {
            return new WebhookRejected(401, $"missing header {SignatureHeader}; Douyin signs every push with the app's client secret");
        }

        return DouyinSignature.Matches(signature, options.ClientSecret, request.Body.Span)
            ? null
            : new WebhookRejected(401,
                $"header {SignatureHeader} does not match the body; check that {channel.SettingPath(ChannelSecrets.ClientSecret)} " +
                "equals the client secret of the Douyin app that pushes to this URL");
    }
}
