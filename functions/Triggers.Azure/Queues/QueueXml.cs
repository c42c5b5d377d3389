using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

/// <summary>Reads the service's <c>QueueMessagesList</c> replies.</summary>
internal static class QueueXml
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<QueueMessage> ReadMessages(string xml)
    {
        var root = StorageXml.Parse(xml).Root;
        if (root is null)
        {
            return [];
        }

        return [.. root.Elements("QueueMessage").Select(m => new QueueMessage(
            Required(m, "MessageId"),
            Required(m, "PopReceipt"),
            long.TryParse(m.Element("DequeueCount")?.Value, CultureInfo.InvariantCulture, out var count) ? count : 0,
            Decode(m.Element("MessageText")?.Value ?? string.Empty),
            Date(m, "InsertionTime"),
            Date(m, "ExpirationTime"),
            Date(m, "TimeNextVisible")))];
    }

    /// <summary>
    /// Our producers and the Functions runtime send base64; a message someone sent as plain text is
    /// passed through as it is rather than failing the consumer on every delivery.
    /// </summary>
    internal static string Decode(string messageText)
    {
        var buffer = new byte[messageText.Length];
        if (!Convert.TryFromBase64String(messageText, buffer, out var written))
        {
            return messageText;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return messageText;
        }
    }

    private static string Required(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"A queue message in the service's reply has no {name}.");

    private static DateTimeOffset Date(XElement message, string name) =>
        DateTimeOffset.Parse(Required(message, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
