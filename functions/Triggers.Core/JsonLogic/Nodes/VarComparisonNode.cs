using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>{"&gt;": [{"var": path}, literal]}</c> and the like, as rules test scores and counts: the value read inline, two
/// numbers compared directly (NaN compares false either way, as in JavaScript), anything else by JavaScript's rules.
/// </summary>
internal sealed class VarComparisonNode(JsComparison compare, VarNode variable, JsVal literal) : LogicNode
{
    private VarReader _reader = new(variable);

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var value = _reader.Read(data);
        if (value.IsNumber && literal.IsNumber)
        {
            var a = value.NumberValue;
            var b = literal.NumberValue;
            return compare switch
            {
                JsComparison.LessThan => a < b,
                JsComparison.LessThanOrEqual => a <= b,
                JsComparison.GreaterThan => a > b,
                _ => a >= b,
            };
        }

        return JsCompare.Apply(compare, value, literal);
    }
}
