using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>; the first two also take a third argument: "between".</summary>
internal sealed class ComparisonNode(Func<JsonNode?, JsonNode?, bool> compare, LogicNode first, LogicNode second, LogicNode? third) : LogicNode
{
    public override JsonNode? Evaluate(JsonNode? data)
    {
        var a = first.Evaluate(data);
        var b = second.Evaluate(data);
        if (third is null)
        {
            return JsValue.Boolean(compare(a, b));
        }

        // JsonLogic evaluates every argument before comparing, so the third is evaluated even when a < b fails.
        var c = third.Evaluate(data);
        return JsValue.Boolean(compare(a, b) && compare(b, c));
    }
}
