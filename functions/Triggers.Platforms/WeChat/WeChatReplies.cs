using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Platforms.WeChat;

/// <summary>What an Official Account callback answers.</summary>
public static class WeChatReplies
{
    public const string XmlContentType = "application/xml";
    public const string JsonContentType = "application/json";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>"No passive reply": WeChat stops retrying and shows the user nothing.</summary>
    public static WebhookReply Success { get; } = new(200, "success", "text/plain");

    /// <summary>The plaintext passive text reply. <paramref name="toUser"/> is the user's OpenID, <paramref name="fromUser"/> the account's gh_ id.</summary>
    public static string TextXml(string toUser, string fromUser, DateTimeOffset createdAt, string content) =>
        $"<xml><ToUserName>{WeChatXml.CData(toUser)}</ToUserName><FromUserName>{WeChatXml.CData(fromUser)}</FromUserName>" +
        $"<CreateTime>{createdAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}</CreateTime>" +
        $"<MsgType>{WeChatXml.CData("text")}</MsgType><Content>{WeChatXml.CData(content)}</Content></xml>";

    /// <summary>
    /// The same reply for a channel whose data format is JSON: the XML field names as JSON keys, which is how
    /// the JSON message-push pages write their replies (inferred for text; the XML form is the documented one).
    /// </summary>
    public static string TextJson(string toUser, string fromUser, DateTimeOffset createdAt, string content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("ToUserName", toUser);
            writer.WriteString("FromUserName", fromUser);
            writer.WriteNumber("CreateTime", createdAt.ToUnixTimeSeconds());
            writer.WriteString("MsgType", "text");
            writer.WriteString("Content", content);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A passive text reply in the channel's mode: plain, or in safe mode the encrypted envelope
    /// (WeChat rejects a plaintext reply to an encrypted message).
    /// </summary>
    /// <param name="nonce">Echoed in the envelope; reusing the request's nonce is what the official samples do.</param>
    /// <param name="random">16 fresh random bytes for the encryption (ignored in plaintext mode).</param>
    /// <param name="format">The request's format, <see cref="WeChatPayload.Xml"/> or <see cref="WeChatPayload.Json"/>: the reply uses the same.</param>
    public static WebhookReply PassiveText(
        WeChatOptions options, string toUser, string fromUser, string content, DateTimeOffset createdAt, string nonce, ReadOnlySpan<byte> random,
        string format = WeChatPayload.Xml)
    {
        ArgumentNullException.ThrowIfNull(options);
        var json = string.Equals(format, WeChatPayload.Json, StringComparison.Ordinal);
        var message = json ? TextJson(toUser, fromUser, createdAt, content) : TextXml(toUser, fromUser, createdAt, content);
        var contentType = json ? JsonContentType : XmlContentType;
        if (options.Crypto is null)
        {
            return new WebhookReply(200, message, contentType);
        }

        var envelope = WeChatEncryptedReply.Create(
            options.Crypto, options.Token, options.AppId!, message, createdAt.ToUnixTimeSeconds(), nonce, random);
        return new WebhookReply(200, json ? envelope.ToJson() : envelope.ToXml(), contentType);
    }
}
