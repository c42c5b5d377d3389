namespace Triggers.Platforms.Bilibili;

/// <summary>
/// Platform "bilibili": HTTP callbacks (or a bridge relaying the live open platform's WebSocket messages)
/// signed with the open platform's x-bili-* HMAC-SHA256 scheme. Bilibili itself pushes danmaku over
/// WebSocket only; see docs/platforms/bilibili.md.
/// </summary>
public sealed class BilibiliAdapter : IPlatformAdapter
{
    public const string PlatformName = "bilibili";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => BilibiliOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);

        if (BilibiliOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookRejected(405, $"method {request.Method} is not used by Bilibili callbacks; expected POST");
        }

        if (BilibiliVerifier.Verify(request, channel, options) is { } rejected)
        {
            return rejected;
        }

        try
        {
            var message = BilibiliMessage.Parse(PayloadText.DecodeUtf8(request.Body.Span));
            var nonce = BilibiliVerifier.Header(request, BilibiliSignature.SignatureNonce)!;
            return new WebhookAccepted([BilibiliNormaliser.ToSignal(message, nonce, channel, request.ReceivedAt)], BilibiliReplies.Success);
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }
}
