namespace Triggers.Platforms.Bilibili;

/// <summary>
/// Platform "bilibili": HTTP callbacks (or a bridge relaying the live open platform's WebSocket messages)
/// signed with the open platform's x-bili-* HMAC-SHA256 scheme. Bilibili itself pushes danmaku over
/// WebSocket only; see docs/platforms/bilibili.md.
/// </summary>
public sealed class BilibiliAdapter() : WebhookAdapter<BilibiliOptions>(PlatformName, "Bilibili callbacks", BilibiliVerifier.Verify)
{
    public const string PlatformName = "bilibili";

    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, BilibiliOptions options)
    {
        var message = BilibiliMessage.Parse(PayloadText.DecodeUtf8(request.Body.Span));
        var nonce = BilibiliVerifier.Header(request, BilibiliSignature.SignatureNonce)!;
        return new WebhookAccepted([BilibiliNormaliser.ToSignal(message, nonce, channel, request.ReceivedAt)], BilibiliReplies.Success);
    }
}
