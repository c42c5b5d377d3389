namespace Triggers.Platforms.WeChatShop;

/// <summary>What a WeChat Shop push answers: unencrypted "success" (or an empty body); anything else, or nothing within 5 s, is retried.</summary>
public static class WeChatShopReplies
{
    public static WebhookReply Success { get; } = new(200, "success", "text/plain");
}
