namespace Triggers.Platforms.WeChat;

/// <summary>The text a chat message contributes to its signal, shared by Official Accounts and WeCom.</summary>
internal static class WeChatMessageText
{
    /// <summary>The Content of a text message; for other types a short marker, so analysis and rules see that something was sent.</summary>
    public static string Describe(WeChatPayload payload, string msgType) => msgType.ToLowerInvariant() switch
    {
        "text" => payload.Field("Content") ?? string.Empty,
        "voice" => payload.Field("Recognition") ?? "[voice]",
        "location" => payload.Field("Label") is { } label ? $"[location] {label}" : "[location]",
        "link" => payload.Field("Title") is { } title ? $"[link] {title}" : "[link]",
        var other => $"[{other}]",
    };
}
