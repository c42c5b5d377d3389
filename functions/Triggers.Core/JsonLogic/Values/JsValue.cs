using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>Reads JsonNode values as the JavaScript values JsonLogic is specified over.</summary>
internal static class JsValue
{
    public static readonly JsonValue True = JsonValue.Create(true);
    public static readonly JsonValue False = JsonValue.Create(false);

    // Small integers are the usual arithmetic results (counts, sums); shared read-only instances save an allocation.
    private static readonly JsonValue[] SmallIntegers = CreateSmallIntegers();

    public static JsonValue Boolean(bool value) => value ? True : False;

    /// <summary>
    /// A number result. NaN and the infinities are kept as they are while evaluating (so they coerce, compare and
    /// print as in JavaScript); <see cref="JsOutput"/> turns them into null when a result leaves the evaluator.
    /// </summary>
    public static JsonValue Number(double value)
    {
        if (value >= 0 && value < SmallIntegers.Length && value == Math.Floor(value) && !double.IsNegative(value))
        {
            return SmallIntegers[(int)value];
        }

        return JsonValue.Create(value);
    }

    /// <summary>JavaScript ToNumber: null 0, booleans 0/1, strings parsed, arrays via their string form, objects NaN.</summary>
    public static double ToNumber(JsonNode? node) => node is JsonValue value && TypeOf(value) == JsType.Number
        ? GetNumber(value)
        : JsPrimitive.From(node).ToNumber();

    private static JsonValue[] CreateSmallIntegers()
    {
        var values = new JsonValue[256];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = JsonValue.Create((double)i);
        }

        return values;
    }

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

    public static bool GetBoolean(JsonValue value) => value.GetValueKind() == JsonValueKind.True;

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
