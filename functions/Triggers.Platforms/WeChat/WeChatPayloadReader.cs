using System.Text.Json;
using System.Xml.Linq;

namespace Triggers.Platforms.WeChat;

/// <summary>
/// Reads a WeChat body (XML, or JSON on the newer message-push page) into its top-level fields.
/// XML goes through <see cref="SafeXml"/>; a repeated field is an error rather than a silent pick.
/// </summary>
public static class WeChatPayloadReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    /// <param name="what">How messages name the text: "body", "decrypted message".</param>
    /// <exception cref="PayloadFormatException">Empty, neither XML nor JSON, malformed, or a field repeats.</exception>
    public static WeChatPayload Read(string text, string what)
    {
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty)
        {
            throw new PayloadFormatException($"{what} is empty");
        }

        return start[0] switch
        {
            '<' => new WeChatPayload(text, WeChatPayload.Xml, ReadXml(text, what)),
            '{' => new WeChatPayload(text, WeChatPayload.Json, ReadJson(text, what)),
            _ => throw new PayloadFormatException($"{what} is neither XML nor a JSON object (it starts with '{start[0]}')"),
        };
    }

    private static Dictionary<string, string> ReadXml(string text, string what)
    {
        var root = SafeXml.Parse(text, what).Root!;
        if (root.Name.LocalName != "xml")
        {
            throw new PayloadFormatException($"{what} has the root element <{root.Name.LocalName}>; WeChat messages are wrapped in <xml>");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in root.Elements())
        {
            if (!element.HasElements && !fields.TryAdd(element.Name.LocalName, element.Value))
            {
                throw new PayloadFormatException($"{what} has the field {element.Name.LocalName} more than once (again{SafeXml.Where(element)})");
            }
        }

        return fields;
    }

    private static Dictionary<string, string> ReadJson(string text, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PayloadFormatException($"{what} is JSON but not an object");
            }

            return ScalarFields(document.RootElement, what, StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument accepts a lone surrogate escape such as "\uD800" but cannot turn it into a string.
            throw new PayloadFormatException($"{what} has a string with an invalid \\u escape (a lone UTF-16 surrogate)", ex);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new PayloadFormatException(
                $"{what} is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {reason}", ex);
        }
    }

    /// <summary>The scalar members of a JSON object as text (numbers as their exact JSON text); nested values are skipped.</summary>
    /// <exception cref="PayloadFormatException">A member repeats.</exception>
    internal static Dictionary<string, string> ScalarFields(JsonElement obj, string what, StringComparer comparer)
    {
        var fields = new Dictionary<string, string>(comparer);
        foreach (var property in obj.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (value is not null && !fields.TryAdd(property.Name, value))
            {
                throw new PayloadFormatException($"{what} has the field {property.Name} more than once");
            }
        }

        return fields;
    }
}
