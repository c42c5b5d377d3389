using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>JavaScript's == (IsLooselyEqual) and === (IsStrictlyEqual), which JsonLogic inherits.</summary>
internal static class JsEquality
{
    public static bool Strict(JsonNode? a, JsonNode? b)
    {
        var type = JsValue.TypeOf(a);
        return type == JsValue.TypeOf(b) && SameType(a, b, type);
    }

    public static bool Loose(JsonNode? a, JsonNode? b)
    {
        var typeA = JsValue.TypeOf(a);
        var typeB = JsValue.TypeOf(b);
        if (typeA == typeB)
        {
            return SameType(a, b, typeA);
        }

        if (typeA == JsType.Null || typeB == JsType.Null)
        {
            return false;
        }

        if (IsReference(typeA) && IsReference(typeB))
        {
            return false;
        }

        // Booleans become numbers and arrays/objects become strings; then strings compare as strings,
        // and any other mix compares as numbers.
        var x = JsPrimitive.From(a);
        var y = JsPrimitive.From(b);
        if (x.IsString && y.IsString)
        {
            return string.Equals(x.String, y.String, StringComparison.Ordinal);
        }

        return x.ToNumber() == y.ToNumber();
    }

    private static bool IsReference(JsType type) => type is JsType.Array or JsType.Object;

    private static bool SameType(JsonNode? a, JsonNode? b, JsType type) => type switch
    {
        JsType.Null => true,
        JsType.Boolean => JsValue.GetBoolean((JsonValue)a!) == JsValue.GetBoolean((JsonValue)b!),
        JsType.Number => JsValue.GetNumber((JsonValue)a!) == JsValue.GetNumber((JsonValue)b!),
        JsType.String => string.Equals(JsValue.GetString((JsonValue)a!), JsValue.GetString((JsonValue)b!), StringComparison.Ordinal),

        // Arrays and objects are equal only when they are the same instance, as in JavaScript.
        _ => ReferenceEquals(a, b),
    };
}
