using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>JavaScript's relational operators (IsLessThan): strings compare by UTF-16 code units, all else as numbers, NaN never compares.</summary>
internal static class JsComparison
{
    public static bool LessThan(JsonNode? a, JsonNode? b) => IsLessThan(a, b) == true;

    public static bool LessThanOrEqual(JsonNode? a, JsonNode? b) => IsLessThan(b, a) == false;

    public static bool GreaterThan(JsonNode? a, JsonNode? b) => IsLessThan(b, a) == true;

    public static bool GreaterThanOrEqual(JsonNode? a, JsonNode? b) => IsLessThan(a, b) == false;

    /// <summary>null stands for JavaScript's undefined result: a NaN was involved.</summary>
    private static bool? IsLessThan(JsonNode? a, JsonNode? b)
    {
        var x = JsPrimitive.From(a);
        var y = JsPrimitive.From(b);
        if (x.IsString && y.IsString)
        {
            return string.CompareOrdinal(x.String, y.String) < 0;
        }

        var left = x.ToNumber();
        var right = y.ToNumber();
        if (double.IsNaN(left) || double.IsNaN(right))
        {
            return null;
        }

        return left < right;
    }
}
