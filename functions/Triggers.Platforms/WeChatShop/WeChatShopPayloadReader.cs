using System.Text.Json;
using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// Reads the nested objects of a shop push (order_info, finder_shop_aftersale_status_update) that the
/// top-level field reader skips. Numbers are kept as their exact JSON text: order ids exceed 2^53.
/// </summary>
internal static class WeChatShopPayloadReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    /// <summary>The scalar fields of the top-level object <paramref name="name"/>, or null when it is absent or not an object.</summary>
    /// <exception cref="PayloadFormatException">The text is not JSON, or a field of the object repeats.</exception>
    public static IReadOnlyDictionary<string, string>? Object(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(name, out var element)
                || element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return WeChatPayloadReader.ScalarFields(element, $"decrypted message's {name}", StringComparer.Ordinal);
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument accepts a lone surrogate escape such as "\uD800" but cannot turn it into a string.
            throw new PayloadFormatException($"decrypted message has a string in {name} with an invalid \\u escape (a lone UTF-16 surrogate)", ex);
        }
        catch (JsonException ex)
        {
            throw new PayloadFormatException($"decrypted message is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}", ex);
        }
    }

    /// <summary>The nested object a <paramref name="type"/> push must carry.</summary>
    public static IReadOnlyDictionary<string, string> Nested(WeChatPayload payload, string name, string type) =>
        Object(payload.Text, name)
        ?? throw new PayloadFormatException($"{type} push has no {name} object");

    /// <summary>The id field of a nested object, required.</summary>
    public static string NestedId(IReadOnlyDictionary<string, string> fields, string objectName, string field, string type) =>
        fields.TryGetValue(field, out var id) && id.Length > 0
            ? id
            : throw new PayloadFormatException($"{type} push has no {objectName}.{field}");
}
