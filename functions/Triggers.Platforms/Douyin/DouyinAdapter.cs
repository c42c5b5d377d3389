namespace Triggers.Platforms.Douyin;

/// <summary>
/// Douyin Open Platform webhooks (platform "douyin"): one signed JSON POST per event. The URL-verification
/// <c>verify_webhook</c> is answered with its challenge; every other event becomes one signal.
/// </summary>
public sealed class DouyinAdapter() : WebhookAdapter<DouyinOptions>(PlatformName, "Douyin webhooks", DouyinVerifier.Verify)
{
    public const string PlatformName = "douyin";

    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, DouyinOptions options)
    {
        var payload = DouyinPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span));

        // client_key is often empty in Douyin's own samples, so only a different, non-empty one is refused.
        if (options.ClientKey is not null && payload.ClientKey is { } clientKey
            && !string.Equals(clientKey, options.ClientKey, StringComparison.Ordinal))
        {
            var shown = clientKey.Length > 40 ? clientKey[..40] + "…" : clientKey;
            return new WebhookRejected(403,
                $"event is for client_key '{shown}', not this channel's; set {channel.SettingPath(options.ClientKeySetting)} " +
                "to the client key of the Douyin app that pushes to this URL");
        }

        if (payload.IsUrlVerification)
        {
            return DouyinReplies.Challenge(payload);
        }

        var messageId = RequestHeaders.Get(request, DouyinVerifier.MessageIdHeader);
        var signal = DouyinNormaliser.ToSignal(payload, messageId, channel, request.ReceivedAt);
        return new WebhookAccepted([signal], DouyinReplies.Success);
    }
}
