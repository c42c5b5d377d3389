namespace Triggers.Platforms.Doudian;

/// <summary>What a 抖店 push answers.</summary>
public static class DoudianReplies
{
    /// <summary>Exactly this body tells 抖店 the push was taken; anything else is re-sent.</summary>
    public static WebhookReply Success { get; } = new(200, """{"code":0,"msg":"success"}""", "application/json");
}
