using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>==</c>, <c>!=</c> (loose, JavaScript coercions) and <c>===</c>, <c>!==</c> (strict).</summary>
internal sealed class EqualityNode(LogicNode left, LogicNode right, bool strict, bool negate) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(JsonNode? data)
    {
        var a = left.Evaluate(data);
        var b = right.Evaluate(data);
        var equal = strict ? JsEquality.Strict(a, b) : JsEquality.Loose(a, b);
        return equal != negate;
    }
}
