namespace Triggers.Platforms.Kuaishou;

/// <summary>
/// Kuaishou Open Platform webhooks (platform "kuaishou"): one signed JSON POST per event. The envelope and the
/// test-event answer are inferred from a documentation mirror (see docs/platforms/kuaishou.md).
/// </summary>
public sealed class KuaishouAdapter() : WebhookAdapter<KuaishouOptions>(PlatformName, "Kuaishou webhooks", KuaishouVerifier.VerifySignature)
{
    public const string PlatformName = "kuaishou";

    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, KuaishouOptions options)
    {
        var envelope = KuaishouPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span));

        // The inferred envelope may omit app_id (the test event does), so only a different one is refused.
        if (options.AppId is not null && envelope.AppId is { } appId && !string.Equals(appId, options.AppId, StringComparison.Ordinal))
        {
            var shown = appId.Length > 40 ? appId[..40] + "…" : appId;
            return new WebhookRejected(403,
                $"event is for app_id '{shown}', not this channel's; set {channel.SettingPath(ChannelSecrets.AppId)} to the app id of the Kuaishou app that pushes to this URL");
        }

        if (KuaishouVerifier.CheckTimestamp(envelope, request, channel) is { } stale)
        {
            return stale;
        }

        return envelope.IsTest
            ? KuaishouReplies.TestEvent(envelope)
            : new WebhookAccepted([KuaishouNormaliser.ToSignal(envelope, channel, request.ReceivedAt)], KuaishouReplies.Success);
    }
}
