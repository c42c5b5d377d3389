namespace Triggers.Platforms.WeChatShop;

/// <summary>Platform "wechat-shop": not built yet. A channel on it is refused at start-up.</summary>
public sealed class WeChatShopAdapter : IPlatformAdapter
{
    public const string PlatformName = "wechat-shop";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) =>
        [$"{channel?.SettingPath("Platform")}: platform '{PlatformName}' is not implemented in this build yet."];

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel) =>
        new WebhookRejected(501, $"platform '{PlatformName}' is not implemented in this build yet");
}
