using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// A JavaScript value as the evaluator passes it around, without allocating: null, a boolean or number (in
/// <see cref="Num"/>), a string (a .NET string, or a data <see cref="JsonValue"/> decoded only when needed), or a
/// reference to an array/object node. Values read from the data keep their node in <see cref="Ref"/>, so a result
/// can be copied out exactly as the data wrote it.
/// </summary>
internal readonly struct JsVal
{
    public static readonly JsVal Null = default;
    public static readonly JsVal True = new(JsType.Boolean, 1, null);
    public static readonly JsVal False = new(JsType.Boolean, 0, null);

    public readonly JsType Type;
    public readonly double Num;

    /// <summary>string or JsonValue (strings); JsonArray/JsonObject/JsonValue (arrays, objects); the source node or null otherwise.</summary>
    public readonly object? Ref;

    private JsVal(JsType type, double num, object? reference)
    {
        Type = type;
        Num = num;
        Ref = reference;
    }

    public static JsVal Boolean(bool value) => value ? True : False;

    public static JsVal Number(double value) => new(JsType.Number, value, null);

    public static JsVal String(string value) => new(JsType.String, 0, value);

    public static JsVal FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonArray:
                return new JsVal(JsType.Array, 0, node);
            case JsonObject:
                return new JsVal(JsType.Object, 0, node);
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.True:
                        return new JsVal(JsType.Boolean, 1, value);
                    case JsonValueKind.False:
                        return new JsVal(JsType.Boolean, 0, value);
                    case JsonValueKind.Number:
                        return new JsVal(JsType.Number, JsValue.GetNumber(value), value);
                    case JsonValueKind.String:
                        return new JsVal(JsType.String, 0, value.TryGetValue(out string? s) ? s : value);
                    case JsonValueKind.Null or JsonValueKind.Undefined:
                        return new JsVal(JsType.Null, 0, value);
                    default:
                        return new JsVal(JsType.Object, 0, value);
                }

            default:
                return new JsVal(JsType.Object, 0, node);
        }
    }

    /// <summary>Converts a literal once, decoding strings, so evaluation never decodes it again.</summary>
    public static JsVal FromLiteral(JsonNode? node)
    {
        var value = FromNode(node);
        return value.Type == JsType.String && value.Ref is not string ? new JsVal(JsType.String, 0, value.GetString()) : value;
    }

    public bool IsString => Type == JsType.String;

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is falsy too.</summary>
    public bool IsTruthy => Type switch
    {
        JsType.Null => false,
        JsType.Boolean => Num != 0,
        JsType.Number => Num != 0 && !double.IsNaN(Num),
        JsType.String => Ref is string s ? s.Length > 0 : JsValue.GetString((JsonValue)Ref!).Length > 0,
        JsType.Array => ((JsonArray)Ref!).Count > 0,
        _ => true,
    };

    public JsonArray? Array => Type == JsType.Array ? (JsonArray)Ref! : null;

    /// <summary>The text of a string value.</summary>
    public string GetString() => Ref as string ?? JsValue.GetString((JsonValue)Ref!);

    /// <summary>JavaScript ToNumber.</summary>
    public double ToNumber() => Type switch
    {
        JsType.Null => 0,
        JsType.Boolean or JsType.Number => Num,
        JsType.String => JsNumber.Parse(GetString()),
        _ => JsNumber.Parse(ToJsString()),
    };

    /// <summary>JavaScript String(value).</summary>
    public string ToJsString() => Type switch
    {
        JsType.Null => "null",
        JsType.Boolean => Num != 0 ? "true" : "false",
        JsType.Number => JsNumber.Format(Num),
        JsType.String => GetString(),
        _ => JsPrimitive.ToJsString((JsonNode)Ref!),
    };

    /// <summary>A node for building a new array or object: a copy where the value came from the data or the logic.</summary>
    public JsonNode? ToNode()
    {
        if (Ref is JsonNode node)
        {
            return node.DeepClone();
        }

        return Type switch
        {
            JsType.Boolean => JsonValue.Create(Num != 0),
            JsType.Number => JsValue.Number(Num).DeepClone(),
            JsType.String => JsonValue.Create((string)Ref!),
            _ => null,
        };
    }

    /// <summary>The result as a new node the caller owns; NaN and the infinities become null, -0 becomes 0.</summary>
    public JsonNode? ToOwned()
    {
        if (Ref is JsonNode node)
        {
            return JsOutput.ToOwned(node);
        }

        switch (Type)
        {
            case JsType.Boolean:
                return JsonValue.Create(Num != 0);
            case JsType.Number:
                if (!double.IsFinite(Num))
                {
                    return null;
                }

                return Num == 0 ? JsonValue.Create(0d) : JsonValue.Create(Num);
            case JsType.String:
                return JsonValue.Create((string)Ref!);
            default:
                return null;
        }
    }

    /// <summary>The node a value stands for, when the logic needs a node (scopes); a copy for computed values.</summary>
    public JsonNode? AsNode() => Ref as JsonNode ?? ToNode();
}
