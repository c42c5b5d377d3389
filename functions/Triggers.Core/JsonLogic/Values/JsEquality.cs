namespace Triggers.Core.JsonLogic.Values;

/// <summary>JavaScript's == (IsLooselyEqual) and === (IsStrictlyEqual), which JsonLogic inherits.</summary>
internal static class JsEquality
{
    public static bool Strict(in JsVal a, in JsVal b) => a.Type == b.Type && SameType(a, b);

    public static bool Loose(in JsVal a, in JsVal b)
    {
        var typeA = a.Type;
        var typeB = b.Type;
        if (typeA == typeB)
        {
            return SameType(a, b);
        }

        if (typeA == JsType.Null || typeB == JsType.Null)
        {
            return false;
        }

        var refA = typeA is JsType.Array or JsType.Object;
        var refB = typeB is JsType.Array or JsType.Object;
        if (refA && refB)
        {
            return false;
        }

        // Booleans become numbers and arrays/objects become strings; then strings compare as strings,
        // and any other mix compares as numbers.
        var stringA = typeA == JsType.String || refA;
        var stringB = typeB == JsType.String || refB;
        if (stringA && stringB)
        {
            return string.Equals(a.ToJsString(), b.ToJsString(), StringComparison.Ordinal);
        }

        return a.ToNumber() == b.ToNumber();
    }

    private static bool SameType(in JsVal a, in JsVal b) => a.Type switch
    {
        JsType.Null => true,
        JsType.Boolean or JsType.Number => a.Num == b.Num,
        JsType.String => string.Equals((string)a.Ref!, (string)b.Ref!),

        // Arrays and objects are equal only when they are the same instance, as in JavaScript.
        _ => ReferenceEquals(a.Ref, b.Ref),
    };
}
