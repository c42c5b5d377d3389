using System.Text;
using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// A value after JavaScript's ToPrimitive: arrays and objects have become strings ("1,2", "[object Object]"),
/// everything else stays what it was. Comparisons and loose equality work on these.
/// </summary>
internal readonly struct JsPrimitive
{
    private readonly double _number;
    private readonly string? _string;

    private JsPrimitive(JsType type, double number, string? text)
    {
        Type = type;
        _number = number;
        _string = text;
    }

    public JsType Type { get; }

    public bool IsString => Type == JsType.String;

    public string String => _string ?? string.Empty;

    public static JsPrimitive From(JsonNode? node)
    {
        var type = JsValue.TypeOf(node);
        return type switch
        {
            JsType.Null => new JsPrimitive(JsType.Null, 0, null),
            JsType.Boolean => new JsPrimitive(JsType.Boolean, JsValue.GetBoolean((JsonValue)node!) ? 1 : 0, null),
            JsType.Number => new JsPrimitive(JsType.Number, JsValue.GetNumber((JsonValue)node!), null),
            JsType.String => new JsPrimitive(JsType.String, 0, JsValue.GetString((JsonValue)node!)),
            _ => new JsPrimitive(JsType.String, 0, ToJsString(node)),
        };
    }

    /// <summary>JavaScript ToNumber: null is 0, booleans 0/1, strings parsed (NaN when not numeric).</summary>
    public double ToNumber() => Type == JsType.String ? JsNumber.Parse(String) : _number;

    /// <summary>JavaScript String(value).</summary>
    public static string ToJsString(JsonNode? node)
    {
        switch (JsValue.TypeOf(node))
        {
            case JsType.Null:
                return "null";
            case JsType.Boolean:
                return JsValue.GetBoolean((JsonValue)node!) ? "true" : "false";
            case JsType.Number:
                return JsNumber.Format(JsValue.GetNumber((JsonValue)node!));
            case JsType.String:
                return JsValue.GetString((JsonValue)node!);
            case JsType.Array:
                var builder = new StringBuilder();
                AppendJoined(builder, (JsonArray)node!);
                return builder.ToString();
            default:
                return "[object Object]";
        }
    }

    // Array.prototype.join(","): null elements become empty strings, nested arrays are joined in place.
    private static void AppendJoined(StringBuilder builder, JsonArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var item = array[i];
            if (item is JsonArray nested)
            {
                AppendJoined(builder, nested);
            }
            else if (JsValue.TypeOf(item) != JsType.Null)
            {
                builder.Append(ToJsString(item));
            }
        }
    }
}
