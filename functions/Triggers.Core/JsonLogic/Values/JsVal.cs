using System.Text;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// A JavaScript value as the evaluator passes it around, without allocating: null, a boolean or number (in
/// <see cref="Num"/>), a string, or an immutable <see cref="LogicArray"/> / <see cref="LogicObject"/> (in
/// <see cref="Ref"/>). Nothing reachable from a JsVal is ever mutated, so values are shared freely between the
/// data, the compiled logic and results.
/// </summary>
internal readonly struct JsVal
{
    public static readonly JsVal Null = default;
    public static readonly JsVal True = new(JsType.Boolean, 1, null);
    public static readonly JsVal False = new(JsType.Boolean, 0, null);

    /// <summary>string, LogicArray or LogicObject, matching <see cref="Type"/>; null for the other types.</summary>
    public readonly object? Ref;
    public readonly double Num;
    public readonly JsType Type;

    private JsVal(JsType type, double num, object? reference)
    {
        Type = type;
        Num = num;
        Ref = reference;
    }

    public static JsVal Boolean(bool value) => value ? True : False;

    public static JsVal Number(double value) => new(JsType.Number, value, null);

    public static JsVal String(string value) => new(JsType.String, 0, value);

    public static JsVal Array(LogicArray value) => new(JsType.Array, 0, value);

    public static JsVal Object(LogicObject value) => new(JsType.Object, 0, value);

    public bool IsString => Type == JsType.String;

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is falsy too.</summary>
    public bool IsTruthy => Type switch
    {
        JsType.Null => false,
        JsType.Boolean => Num != 0,
        JsType.Number => Num != 0 && !double.IsNaN(Num),
        JsType.String => ((string)Ref!).Length > 0,
        JsType.Array => ((LogicArray)Ref!).Count > 0,
        _ => true,
    };

    public LogicArray? AsArray => Type == JsType.Array ? (LogicArray)Ref! : null;

    /// <summary>The text of a string value.</summary>
    public string GetString() => (string)Ref!;

    /// <summary>JavaScript ToNumber.</summary>
    public double ToNumber() => Type switch
    {
        JsType.Null => 0,
        JsType.Boolean or JsType.Number => Num,
        JsType.String => JsNumber.Parse((string)Ref!),
        _ => JsNumber.Parse(ToJsString()),
    };

    /// <summary>JavaScript String(value).</summary>
    public string ToJsString()
    {
        switch (Type)
        {
            case JsType.Null:
                return "null";
            case JsType.Boolean:
                return Num != 0 ? "true" : "false";
            case JsType.Number:
                return JsNumber.Format(Num);
            case JsType.String:
                return (string)Ref!;
            case JsType.Array:
                var builder = new StringBuilder();
                AppendJoined(builder, (LogicArray)Ref!);
                return builder.ToString();
            default:
                return "[object Object]";
        }
    }

    // Array.prototype.join(","): null elements become empty strings, nested arrays are joined in place.
    private static void AppendJoined(StringBuilder builder, LogicArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            ref readonly var item = ref array[i];
            if (item.Type == JsType.Array)
            {
                AppendJoined(builder, (LogicArray)item.Ref!);
            }
            else if (item.Type != JsType.Null)
            {
                builder.Append(item.ToJsString());
            }
        }
    }
}
