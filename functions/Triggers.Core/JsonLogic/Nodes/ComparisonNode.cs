using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>; the first two also take a third argument: "between".</summary>
internal sealed class ComparisonNode(JsComparison compare, LogicNode first, LogicNode second, LogicNode? third) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(JsonNode? data)
    {
        var a = first.Evaluate(data);
        var b = second.Evaluate(data);
        if (third is null)
        {
            return JsCompare.Apply(compare, a, b);
        }

        // JsonLogic evaluates every argument before comparing, so the third is evaluated even when a < b fails.
        var c = third.Evaluate(data);
        return JsCompare.Apply(compare, a, b) && JsCompare.Apply(compare, b, c);
    }
}
