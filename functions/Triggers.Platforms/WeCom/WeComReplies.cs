using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>What a WeCom callback answers.</summary>
public static class WeComReplies
{
    /// <summary>"No passive reply" (an empty body works too): WeCom stops retrying.</summary>
    public static WebhookReply Success { get; } = new(200, "success", "text/plain");

    /// <summary>
    /// A passive text reply to a member's app message, always encrypted: the OA text XML (To = the member's
    /// UserID, From = the CorpID) inside the signed <c>&lt;xml&gt;&lt;Encrypt&gt;…</c> envelope, encrypted for the receive id.
    /// </summary>
    /// <param name="random">16 fresh random bytes; passed in so tests can reproduce the ciphertext.</param>
    public static WebhookReply PassiveText(
        WeComOptions options, string toUser, string corpId, string content, DateTimeOffset createdAt, string nonce, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var xml = WeChatReplies.TextXml(toUser, corpId, createdAt, content);
        var envelope = WeChatEncryptedReply.Create(options.Crypto, options.Token, options.ReceiveId, xml, createdAt.ToUnixTimeSeconds(), nonce, random);
        return new WebhookReply(200, envelope.ToXml(), WeChatReplies.XmlContentType);
    }
}
