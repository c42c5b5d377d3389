namespace Triggers.Platforms.Xiaohongshu;

/// <summary>What each Xiaohongshu push is answered with once stored (both inferred, see docs/platforms/xiaohongshu.md).</summary>
public static class XiaohongshuReplies
{
    /// <summary>The mini-program / 专业号 push mirrors WeChat: the plain text "success".</summary>
    public static WebhookReply MiniProgramSuccess { get; } = new(200, "success", "text/plain");

    /// <summary>The e-commerce push's success body as seen in open-source receivers.</summary>
    public static WebhookReply EcommerceSuccess { get; } = new(200, """{"success":true,"error_code":0,"error_msg":""}""", "application/json");
}
