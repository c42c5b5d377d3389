using System.Globalization;

namespace Triggers.Platforms.WeChat;

/// <summary>What an Official Account callback answers.</summary>
public static class WeChatReplies
{
    public const string XmlContentType = "application/xml";

    /// <summary>"No passive reply": WeChat stops retrying and shows the user nothing.</summary>
    public static WebhookReply Success { get; } = new(200, "success", "text/plain");

    /// <summary>The plaintext passive text reply. <paramref name="toUser"/> is the user's OpenID, <paramref name="fromUser"/> the account's gh_ id.</summary>
    public static string TextXml(string toUser, string fromUser, DateTimeOffset createdAt, string content) =>
        $"<xml><ToUserName>{WeChatXml.CData(toUser)}</ToUserName><FromUserName>{WeChatXml.CData(fromUser)}</FromUserName>" +
        $"<CreateTime>{createdAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}</CreateTime>" +
        $"<MsgType>{WeChatXml.CData("text")}</MsgType><Content>{WeChatXml.CData(content)}</Content></xml>";

    /// <summary>
    /// A passive text reply in the channel's mode: plain XML, or in safe mode the encrypted XML envelope
    /// (WeChat rejects a plaintext reply to an encrypted message).
    /// </summary>
    /// <param name="nonce">Echoed in the envelope; reusing the request's nonce is what the official samples do.</param>
    /// <param name="random">16 fresh random bytes for the encryption (ignored in plaintext mode).</param>
    public static WebhookReply PassiveText(
        WeChatOptions options, string toUser, string fromUser, string content, DateTimeOffset createdAt, string nonce, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var xml = TextXml(toUser, fromUser, createdAt, content);
        if (options.Crypto is null)
        {
            return new WebhookReply(200, xml, XmlContentType);
        }

        var envelope = WeChatEncryptedReply.Create(
            options.Crypto, options.Token, options.AppId!, xml, createdAt.ToUnixTimeSeconds(), nonce, random);
        return new WebhookReply(200, envelope.ToXml(), XmlContentType);
    }
}
