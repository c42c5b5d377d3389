namespace Triggers.Platforms.WeChat;

/// <summary>A decrypted WXBizMsgCrypt payload: the message and the id it was encrypted for (AppID, component app id or CorpID).</summary>
public sealed record WeChatPlaintext(string Message, string ReceiveId);
