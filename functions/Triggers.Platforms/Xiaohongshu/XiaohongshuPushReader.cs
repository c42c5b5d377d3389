using System.Globalization;
using System.Text.Json;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>Reads an e-commerce push body: a JSON array of items (a single item object is accepted too).</summary>
public static class XiaohongshuPushReader
{
    public const int MaxItems = 100;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <exception cref="PayloadFormatException">Not JSON, an empty or oversized array, or an item without msgTag, sellerId or JSON data.</exception>
    public static IReadOnlyList<XiaohongshuPush> Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            var items = root.ValueKind switch
            {
                JsonValueKind.Array when root.GetArrayLength() is 0 => throw new PayloadFormatException("body is an empty array; expected at least one {\"msgTag\", \"sellerId\", \"data\"} item"),
                JsonValueKind.Array when root.GetArrayLength() > MaxItems => throw new PayloadFormatException(string.Create(CultureInfo.InvariantCulture, $"body has {root.GetArrayLength()} items; at most {MaxItems} are accepted")),
                JsonValueKind.Array => root.EnumerateArray().Select((item, i) => (Item: item, Where: $"body[{i}]")).ToList(),
                JsonValueKind.Object => [(Item: root, Where: "body")],
                _ => throw new PayloadFormatException("body is not a JSON array of {\"msgTag\", \"sellerId\", \"data\"} items"),
            };
            return items.Select(entry => ReadItem(entry.Item, entry.Where)).ToList();
        }
        catch (JsonException ex)
        {
            throw new PayloadFormatException(string.Create(
                CultureInfo.InvariantCulture, $"body is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {Reason(ex)}"), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new PayloadFormatException("body contains text that is not valid (an escaped surrogate without its pair)", ex);
        }
    }

    private static XiaohongshuPush ReadItem(JsonElement item, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadFormatException($"{where} is not an object; expected {{\"msgTag\", \"sellerId\", \"data\"}}");
        }

        var msgTag = Scalar(item, "msgTag") ?? throw new PayloadFormatException($"{where}.msgTag is missing or empty");
        var sellerId = Scalar(item, "sellerId") ?? throw new PayloadFormatException($"{where}.sellerId is missing or empty");
        if (!item.TryGetProperty("data", out var data))
        {
            throw new PayloadFormatException($"{where}.data is missing");
        }

        // The documented form is a JSON string holding an object; an object in place is taken as it is.
        var dataText = data.ValueKind switch
        {
            JsonValueKind.String => data.GetString()!,
            JsonValueKind.Object => data.GetRawText(),
            _ => throw new PayloadFormatException($"{where}.data is neither a JSON string nor an object"),
        };
        return new XiaohongshuPush(msgTag, sellerId, dataText, DataFields(dataText, where), item.GetRawText());
    }

    private static Dictionary<string, string> DataFields(string dataText, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(dataText, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PayloadFormatException($"{where}.data does not hold a JSON object");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (ScalarText(property.Value) is { } value)
                {
                    fields.TryAdd(property.Name, value);
                }
            }

            return fields;
        }
        catch (JsonException ex)
        {
            throw new PayloadFormatException($"{where}.data is not valid JSON: {Reason(ex)}", ex);
        }
    }

    private static string? Scalar(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? ScalarText(value) : null;

    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Reason(JsonException ex) => ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
}
