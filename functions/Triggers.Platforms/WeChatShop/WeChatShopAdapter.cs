namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// WeChat Shop (微信小店 / 视频号小店) message push, platform "wechat-shop": the Official Account protocol
/// fixed to safe mode and JSON, with the shop's AppID as the receive id. Order and after-sale events
/// become order and refund signals.
/// </summary>
public sealed class WeChatShopAdapter : IPlatformAdapter
{
    public const string PlatformName = "wechat-shop";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => WeChatShopOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);

        if (WeChatShopOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        try
        {
            return request.Method.ToUpperInvariant() switch
            {
                "GET" => WeChatShopInbound.VerifyUrl(request, channel, options),
                "POST" => WeChatShopInbound.Receive(request, channel, options),
                _ => new WebhookRejected(405, $"method {request.Method} is not used by WeChat Shop pushes; expected GET or POST"),
            };
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }
}
