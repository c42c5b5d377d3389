// INFERRED: built from inferred material (platforms.md §5: doc mirrors and open-source code, no official
// sample or vector). The mini-program push is assumed WXBizMsgCrypt-compatible; the e-commerce sign string,
// the buyer and time fields, and both replies are inferred. Check docs/platforms/xiaohongshu.md against the
// official docs before relying on this adapter.
namespace Triggers.Platforms.Xiaohongshu;

/// <summary>
/// Platform "xiaohongshu": (a) the mini-program / 专业号 message push, WeChat-style (GET echo, encrypted POST),
/// told apart by its query signature; (b) the e-commerce push, a JSON array signed in the app-key, timestamp
/// and sign headers.
/// </summary>
public sealed class XiaohongshuAdapter() : WebhookAdapter<XiaohongshuOptions>(PlatformName, "Xiaohongshu pushes", methods: ["GET", "POST"])
{
    public const string PlatformName = "xiaohongshu";

    // Two push families, told apart by their signature; the mini-program's covers the encrypted body, so it verifies as it reads.
    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, XiaohongshuOptions options) => request switch
    {
        { IsGet: true } => XiaohongshuMiniProgram.VerifyUrl(request, channel, options),
        _ when XiaohongshuEcommerceVerifier.Header(request, XiaohongshuEcommerceVerifier.SignHeader) is not null => ReceiveEcommerce(request, channel, options),
        _ when QueryParameters.Get(request.Query, "msg_signature") is not null || QueryParameters.Get(request.Query, "signature") is not null
            => XiaohongshuMiniProgram.Receive(request, channel, options),
        _ => new WebhookRejected(401, "request is not signed: expected the query msg_signature (mini-program / 专业号 push) or the headers app-key, timestamp and sign (e-commerce push)"),
    };

    private static WebhookOutcome ReceiveEcommerce(WebhookRequest request, ChannelSettings channel, XiaohongshuOptions options)
    {
        if (XiaohongshuEcommerceVerifier.Verify(request, channel, options) is { } rejected)
        {
            return rejected;
        }

        var pushes = XiaohongshuPushReader.Read(PayloadText.DecodeUtf8(request.Body.Span));
        var signals = pushes.Select(push => XiaohongshuNormaliser.ToSignal(push, channel, request.ReceivedAt)).ToList();
        return new WebhookAccepted(signals, XiaohongshuReplies.EcommerceSuccess);
    }
}
