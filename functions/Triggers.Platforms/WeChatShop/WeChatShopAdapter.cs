namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// WeChat Shop (微信小店 / 视频号小店) message push, platform "wechat-shop": the Official Account protocol
/// fixed to safe mode and JSON, with the shop's AppID as the receive id. Order and after-sale events
/// become order and refund signals.
/// </summary>
public sealed class WeChatShopAdapter() : WebhookAdapter<WeChatShopOptions>(PlatformName, "WeChat Shop pushes", methods: ["GET", "POST"])
{
    public const string PlatformName = "wechat-shop";

    // The signature covers the encrypted body, so verification happens as the envelope is read.
    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeChatShopOptions options) =>
        request.IsGet ? WeChatShopInbound.VerifyUrl(request, channel, options) : WeChatShopInbound.Receive(request, channel, options);
}
