using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>; the first two also take a third argument: "between".</summary>
internal sealed class ComparisonNode(JsComparison compare, LogicNode first, LogicNode second, LogicNode? third) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache) => JsVal.Boolean(IsTruthy(data, cache));

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        var a = first.Evaluate(data, cache);
        var b = second.Evaluate(data, cache);
        if (third is null)
        {
            return JsCompare.Apply(compare, a, b);
        }

        // JsonLogic evaluates every argument before comparing, so the third is evaluated even when a < b fails.
        var c = third.Evaluate(data, cache);
        return JsCompare.Apply(compare, a, b) && JsCompare.Apply(compare, b, c);
    }
}
