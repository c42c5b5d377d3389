namespace Triggers.Platforms.Bilibili;

/// <summary>What a Bilibili callback is answered with once the signal is stored.</summary>
public static class BilibiliReplies
{
    /// <summary>The open platform's success envelope: <c>{"code":0}</c>.</summary>
    public static WebhookReply Success { get; } = new(200, """{"code":0}""", "application/json");
}
