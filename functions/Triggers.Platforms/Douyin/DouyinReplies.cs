using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Platforms.Douyin;

/// <summary>What a Douyin webhook answers.</summary>
public static class DouyinReplies
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Douyin needs only HTTP 200 within 5 seconds; the body may be empty.</summary>
    public static WebhookReply Success { get; } = new(200, string.Empty, "text/plain");

    /// <summary>
    /// <c>{"challenge": …}</c> with the challenge exactly as sent: a number stays the same number, a string
    /// stays a string.
    /// </summary>
    /// <exception cref="PayloadFormatException">content has no challenge, or it is neither a number nor a string.</exception>
    public static WebhookChallenge Challenge(DouyinPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Content is not { } content || !content.TryGetProperty("challenge", out var challenge))
        {
            throw new PayloadFormatException("verify_webhook has no content.challenge to answer");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("challenge");
            if (challenge.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                throw new PayloadFormatException($"verify_webhook content.challenge is {DouyinJson.Describe(challenge.ValueKind)}; expected a number or a string");
            }

            // Written as the token received, so a number keeps its exact digits and a string its escapes.
            challenge.WriteTo(writer);

            writer.WriteEndObject();
        }

        return new WebhookChallenge(Encoding.UTF8.GetString(buffer.ToArray()), "application/json");
    }
}
