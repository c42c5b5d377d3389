using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Platforms.WeChat;

/// <summary>The safe-mode reply envelope: an encrypted message signed with sort(token, timestamp, nonce, Encrypt).</summary>
public sealed record WeChatEncryptedReply(string Encrypt, string MsgSignature, long TimeStamp, string Nonce)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="random">16 fresh random bytes; passed in so the official vectors can be reproduced.</param>
    public static WeChatEncryptedReply Create(
        WeChatCrypto crypto, string token, string receiveId, string message, long timeStamp, string nonce, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        var encrypt = crypto.Encrypt(message, receiveId, random);
        var signature = WeChatSignature.Compute(token, timeStamp.ToString(CultureInfo.InvariantCulture), nonce, encrypt);
        return new WeChatEncryptedReply(encrypt, signature, timeStamp, nonce);
    }

    public string ToXml() =>
        $"<xml><Encrypt>{WeChatXml.CData(Encrypt)}</Encrypt><MsgSignature>{WeChatXml.CData(MsgSignature)}</MsgSignature>" +
        $"<TimeStamp>{TimeStamp.ToString(CultureInfo.InvariantCulture)}</TimeStamp><Nonce>{WeChatXml.CData(Nonce)}</Nonce></xml>";

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("Encrypt", Encrypt);
            writer.WriteString("MsgSignature", MsgSignature);
            writer.WriteNumber("TimeStamp", TimeStamp);
            writer.WriteString("Nonce", Nonce);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
