using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>==</c>, <c>!=</c> (loose, JavaScript coercions) and <c>===</c>, <c>!==</c> (strict).</summary>
internal sealed class EqualityNode(LogicNode left, LogicNode right, bool strict, bool negate) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache) => JsVal.Boolean(IsTruthy(data, cache));

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        var a = left.Evaluate(data, cache);
        var b = right.Evaluate(data, cache);
        var equal = strict ? JsEquality.Strict(a, b) : JsEquality.Loose(a, b);
        return equal != negate;
    }
}
