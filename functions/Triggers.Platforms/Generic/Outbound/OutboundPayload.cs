using Triggers.Platforms.Outbound;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Triggers.Platforms.Generic.Outbound;

/// <summary>The generic webhook body: the touchpoint as the receiving system needs it to act and to de-duplicate.</summary>
internal static class OutboundPayload
{
    // Chinese text and "+" in offsets stay readable; the body is JSON for a machine, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(OutboundMessage message, ChannelSettings channel)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", message.TouchpointId);
            json.WriteString("tenant", message.Tenant);
            json.WriteString("channel", channel.Name);
            json.WriteString("contact", message.Contact);
            json.WriteString("type", message.Type);
            json.WriteString("text", message.Text);
            json.WriteString("template", message.Template);
            json.WriteString("ruleId", message.RuleId);
            json.WriteString("signalId", message.SignalId);
            json.WriteString("dueAt", message.DueAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("attempt", message.Attempt);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
