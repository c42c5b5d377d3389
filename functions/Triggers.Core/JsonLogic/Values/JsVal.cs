using System.Runtime.CompilerServices;
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
    public static readonly JsVal True = new(null, (long)JsType.Boolean | (1 << TagBits));
    public static readonly JsVal False = new(null, (long)JsType.Boolean);

    // 16 bytes (a reference and 8 bytes of payload), so that a value is returned in registers and data objects are a
    // third smaller than with a separate type field. _raw holds, below TagLimit, the type (low 3 bits; a boolean's
    // value above them) of null, booleans, strings, arrays and objects; anything else is a number: its bits XOR
    // NumberKey. NumberKey is a signalling NaN whose neighbourhood no stored number uses (NaNs are stored as the
    // canonical NaN), so that null is all zero bits (default) and no number lands below TagLimit.
    private const int TagBits = 3;
    private const ulong TagLimit = 16;
    private const long NumberKey = 0x7FF4_0000_0000_0000;
    private const long SharedStringTag = (long)JsType.String | (1 << TagBits);

    /// <summary>string, LogicArray or LogicObject, matching <see cref="Type"/>; null for the other types.</summary>
    public readonly object? Ref;
    private readonly long _raw;

    private JsVal(object? reference, long raw)
    {
        Ref = reference;
        _raw = raw;
    }

    public JsType Type
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (ulong)_raw < TagLimit ? (JsType)(_raw & ((1 << TagBits) - 1)) : JsType.Number;
    }

    /// <summary>A boolean as 0 or 1, a number's value; 0 for the other types.</summary>
    public double Num => (ulong)_raw < TagLimit ? _raw >> TagBits : BitConverter.Int64BitsToDouble(_raw ^ NumberKey);

    public bool IsNumber => (ulong)_raw >= TagLimit;

    /// <summary>The value of a number (only when <see cref="IsNumber"/>).</summary>
    public double NumberValue => BitConverter.Int64BitsToDouble(_raw ^ NumberKey);

    public static JsVal Boolean(bool value) => value ? True : False;

    public static JsVal Number(double value) =>
        new(null, BitConverter.DoubleToInt64Bits(double.IsNaN(value) ? double.NaN : value) ^ NumberKey);

    public static JsVal String(string value) => new(value, (long)JsType.String);

    /// <summary>Only for <see cref="StringValues"/>, which keeps shared strings unique per text.</summary>
    public static JsVal SharedString(string value) => new(value, SharedStringTag);

    public static JsVal Array(LogicArray value) => new(value, (long)JsType.Array);

    public static JsVal Object(LogicObject value) => new(value, (long)JsType.Object);

    public bool IsString => Type == JsType.String;

    /// <summary>
    /// A string from <see cref="StringValues"/>: unique per text, so two shared strings are equal exactly when they
    /// are the same instance.
    /// </summary>
    public bool IsSharedString => _raw == SharedStringTag;

    public bool IsObject => _raw == (long)JsType.Object;

    public bool IsArray => _raw == (long)JsType.Array;

    /// <summary>JsonLogic truthiness: JavaScript's, except that an empty array is falsy too.</summary>
    public bool IsTruthy => Type switch
    {
        JsType.Null => false,
        JsType.Boolean => _raw >> TagBits != 0,
        JsType.Number => NumberValue is var n && n != 0 && !double.IsNaN(n),
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
