using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>+</c>: the sum of every argument read with JavaScript's parseFloat ("3 apples" is 3, "apple" NaN), starting
/// from 0; so <c>{"+": "3.14"}</c> casts a string to a number and <c>{"+": []}</c> is 0.
/// </summary>
internal sealed class AddNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        double sum = 0;
        foreach (var operand in operands)
        {
            sum += Arithmetic.ParseFloat(operand.Evaluate(data));
        }

        return JsVal.Number(sum);
    }
}

/// <summary>
/// <c>*</c>: the product of the arguments read with parseFloat. As in json-logic-js (a reduce without a seed),
/// a single argument is returned as it is, unconverted.
/// </summary>
internal sealed class MultiplyNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var first = operands[0].Evaluate(data);
        if (operands.Length == 1)
        {
            return first;
        }

        var product = Arithmetic.ParseFloat(first);
        for (var i = 1; i < operands.Length; i++)
        {
            product *= Arithmetic.ParseFloat(operands[i].Evaluate(data));
        }

        return JsVal.Number(product);
    }
}

/// <summary><c>-</c>: <c>a - b</c>, or <c>-a</c> with one argument; JavaScript ToNumber coercions ("1" is 1, null 0).</summary>
internal sealed class SubtractNode(LogicNode left, LogicNode? right) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var a = left.Evaluate(data).ToNumber();
        return right is null ? JsVal.Number(-a) : JsVal.Number(a - right.Evaluate(data).ToNumber());
    }
}

/// <summary><c>/</c> and <c>%</c>: JavaScript ToNumber on both sides; x/0 is ±Infinity (null in the output), x%0 NaN.</summary>
internal sealed class BinaryNumberNode(LogicNode left, LogicNode right, bool remainder) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var a = left.Evaluate(data).ToNumber();
        var b = right.Evaluate(data).ToNumber();

        // C#'s % on doubles truncates like JavaScript's: the sign follows the dividend.
        return JsVal.Number(remainder ? a % b : a / b);
    }
}

/// <summary><c>min</c> and <c>max</c>: Math.min/Math.max over ToNumber of each argument; NaN if any is NaN.</summary>
internal sealed class MinMaxNode(LogicNode[] operands, bool max) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        // With no arguments, Math.min() is Infinity and Math.max() -Infinity (both null in the output).
        var result = max ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var operand in operands)
        {
            var n = operand.Evaluate(data).ToNumber();
            if (double.IsNaN(n))
            {
                result = double.NaN;
            }
            else if (!double.IsNaN(result))
            {
                result = max ? Math.Max(result, n) : Math.Min(result, n);
            }
        }

        return JsVal.Number(result);
    }
}

internal static class Arithmetic
{
    /// <summary>JavaScript parseFloat(value), which reads String(value): booleans and null are NaN.</summary>
    public static double ParseFloat(in JsVal value) => value.Type switch
    {
        JsType.Number => value.Num,
        JsType.String => JsNumber.ParseFloat(value.GetString()),
        JsType.Array => JsNumber.ParseFloat(value.ToJsString()),
        _ => double.NaN,
    };
}
