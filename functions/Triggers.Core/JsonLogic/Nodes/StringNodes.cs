using System.Text;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>cat</c>: the arguments joined as strings (JavaScript's join: null is "", [1,2] is "1,2").</summary>
internal sealed class CatNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        if (operands.Length == 1)
        {
            return JsVal.String(Text(operands[0].Evaluate(data)));
        }

        var builder = new StringBuilder();
        foreach (var operand in operands)
        {
            builder.Append(Text(operand.Evaluate(data)));
        }

        return JsVal.String(builder.ToString());
    }

    private static string Text(in JsVal value) =>
        value.Type == JsType.Null ? string.Empty : value.ToJsString();
}

/// <summary>
/// <c>substr</c>: [text, start, length] with JavaScript's String.prototype.substr: a negative start counts from the
/// end; a negative length (json-logic-js's extension) drops that many characters from the end.
/// </summary>
internal sealed class SubstrNode(LogicNode source, LogicNode? start, LogicNode? length) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var text = source.Evaluate(data).ToJsString();
        var from = start is null ? 0 : ToInteger(start.Evaluate(data).ToNumber());
        var size = text.Length;
        var begin = from < 0 ? Math.Max(size + from, 0) : Math.Min(from, size);
        if (length is null)
        {
            return JsVal.String(text[(int)begin..]);
        }

        // json-logic-js: a negative length n keeps the substring from start minus its last |n| characters.
        var raw = length.Evaluate(data).ToNumber();
        var end = raw < 0
            ? begin + Math.Max(ToInteger(size - begin + raw), 0)
            : Math.Min(begin + ToInteger(raw), size);
        return JsVal.String(text[(int)begin..(int)end]);
    }

    // ToIntegerOrInfinity: NaN is 0, fractions truncate toward zero.
    private static double ToInteger(double n) => double.IsNaN(n) ? 0 : Math.Truncate(n);
}

/// <summary>
/// <c>merge</c>: one flat array of the arguments; array arguments contribute their elements (one level), anything
/// else itself.
/// </summary>
internal sealed class MergeNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var result = new List<JsVal>();
        foreach (var operand in operands)
        {
            var value = operand.Evaluate(data);
            if (value.AsArray is { } array)
            {
                result.AddRange(array.Items);
            }
            else
            {
                result.Add(value);
            }
        }

        return JsVal.Array(LogicArray.From(result));
    }
}

/// <summary>
/// <c>log</c>: returns its argument. json-logic-js also prints it with console.log; here nothing is written, since
/// stdout is the CLI's data channel.
/// </summary>
internal sealed class LogNode(LogicNode operand) : LogicNode
{
    public override JsVal Evaluate(in JsVal data) => operand.Evaluate(data);
}

/// <summary>
/// <c>missing_some</c>: [need, keys]; [] when at least <c>need</c> of the keys are present, otherwise the missing keys
/// (as <c>missing</c> reports them).
/// </summary>
internal sealed class MissingSomeNode(LogicNode need, LogicNode keys) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var required = need.Evaluate(data).ToNumber();
        var options = keys.Evaluate(data);
        var missing = new List<JsVal>();
        double count;
        if (options.AsArray is { } array)
        {
            foreach (ref readonly var key in array.Items)
            {
                MissingNode.AddIfMissing(missing, key, data);
            }

            count = array.Count;
        }
        else
        {
            // json-logic-js reads options.length: a string's length, NaN (never enough) for anything else.
            MissingNode.AddIfMissing(missing, options, data);
            count = options.Type == JsType.String ? options.GetString().Length : double.NaN;
        }

        return JsVal.Array(count - missing.Count >= required ? LogicArray.Empty : LogicArray.From(missing));
    }
}
