namespace Triggers.Core.JsonLogic.Values;

/// <summary>JavaScript's relational operators (IsLessThan): strings compare by UTF-16 code units, all else as numbers, NaN never compares.</summary>
internal enum JsComparison
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

internal static class JsCompare
{
    public static bool Apply(JsComparison op, in JsVal a, in JsVal b) => op switch
    {
        JsComparison.LessThan => IsLessThan(a, b) == 1,
        JsComparison.LessThanOrEqual => IsLessThan(b, a) == 0,
        JsComparison.GreaterThan => IsLessThan(b, a) == 1,
        _ => IsLessThan(a, b) == 0,
    };

    /// <summary>The operator that gives the same answer with the operands swapped: a &lt; b is b &gt; a.</summary>
    public static JsComparison Mirror(JsComparison op) => op switch
    {
        JsComparison.LessThan => JsComparison.GreaterThan,
        JsComparison.LessThanOrEqual => JsComparison.GreaterThanOrEqual,
        JsComparison.GreaterThan => JsComparison.LessThan,
        _ => JsComparison.LessThanOrEqual,
    };

    /// <summary>1 true, 0 false, -1 for JavaScript's undefined result: a NaN was involved.</summary>
    private static int IsLessThan(in JsVal a, in JsVal b)
    {
        double left, right;
        if (a.IsNumber && b.IsNumber)
        {
            left = a.NumberValue;
            right = b.NumberValue;
        }
        else
        {
            var stringA = a.Type is JsType.String or JsType.Array or JsType.Object;
            var stringB = b.Type is JsType.String or JsType.Array or JsType.Object;
            if (stringA && stringB)
            {
                return string.CompareOrdinal(a.ToJsString(), b.ToJsString()) < 0 ? 1 : 0;
            }

            left = a.ToNumber();
            right = b.ToNumber();
        }

        if (double.IsNaN(left) || double.IsNaN(right))
        {
            return -1;
        }

        return left < right ? 1 : 0;
    }
}
