using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>Reads JsonNode values as the JavaScript values JsonLogic is specified over (for input and <see cref="JsonLogic.IsTruthy"/>).</summary>
internal static class JsValue
{
    public static JsType TypeOf(JsonNode? node) => node switch
    {
        null => JsType.Null,
        JsonArray => JsType.Array,
        JsonObject => JsType.Object,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => JsType.Boolean,
            JsonValueKind.Number => JsType.Number,
            JsonValueKind.String => JsType.String,
            JsonValueKind.Null or JsonValueKind.Undefined => JsType.Null,
            _ => JsType.Object,
        },
        _ => JsType.Object,
    };

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is falsy too.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject => true,
        JsonValue value => TypeOf(value) switch
        {
            JsType.Boolean => value.GetValueKind() == JsonValueKind.True,
            JsType.Number => GetNumber(value) is var n && n != 0 && !double.IsNaN(n),
            JsType.String => GetString(value).Length > 0,
            JsType.Null => false,
            _ => true,
        },
        _ => true,
    };

    public static double GetNumber(JsonValue value)
    {
        if (value.TryGetValue(out double number))
        {
            return number;
        }

        if (value.TryGetValue(out int int32))
        {
            return int32;
        }

        if (value.TryGetValue(out long int64))
        {
            return int64;
        }

        // Values built from other CLR numeric types (int, long, decimal...) do not convert implicitly.
        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static string GetString(JsonValue value)
    {
        if (value.TryGetValue(out string? text))
        {
            return text;
        }

        // Values built from char, Guid, DateTimeOffset... serialise as strings but do not convert implicitly.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.GetString() ?? string.Empty;
    }
}
