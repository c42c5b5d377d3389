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
            json.WriteString("id", message.Touchpoint.Id);
            json.WriteString("tenant", message.Touchpoint.Tenant);
            json.WriteString("channel", channel.Name);
            json.WriteString("contact", message.Touchpoint.Contact);
            json.WriteString("type", message.Touchpoint.Type);
            json.WriteString("text", message.Text);
            json.WriteString("template", message.Touchpoint.Template);
            json.WriteString("ruleId", message.Touchpoint.RuleId);
            json.WriteString("signalId", message.Touchpoint.SignalId);
            json.WriteString("dueAt", message.Touchpoint.DueAt.ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("attempt", message.Touchpoint.Attempts);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
