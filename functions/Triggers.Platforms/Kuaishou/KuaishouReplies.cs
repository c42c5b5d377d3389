using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Platforms.Kuaishou;

/// <summary>
/// What a Kuaishou webhook answers. Inferred: the docs ask for a prompt success and describe the test event's
/// answer only as "per the protocol"; a JSON <c>result: 1</c> echoing the message id is the best-supported reading.
/// </summary>
public static class KuaishouReplies
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebhookReply Success { get; } = new(200, """{"result":1}""", "application/json");

    /// <summary><c>{"result":1,"message_id":…}</c>, plus <c>challenge</c> echoed with its JSON type when data carries one.</summary>
    public static WebhookChallenge TestEvent(KuaishouEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("result", 1);
            if (envelope.MessageId is { } messageId)
            {
                writer.WriteString("message_id", messageId);
            }

            if (envelope.Data is { } data && data.TryGetProperty("challenge", out var challenge)
                && challenge.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                writer.WritePropertyName("challenge");
                challenge.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return new WebhookChallenge(Encoding.UTF8.GetString(buffer.ToArray()), "application/json");
    }
}
