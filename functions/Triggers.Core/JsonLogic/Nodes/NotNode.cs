using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>!</c> (not truthy) and <c>!!</c> (truthy), always a boolean.</summary>
internal sealed class NotNode(LogicNode operand, bool negate) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data) => JsVal.Boolean(operand.IsTruthy(data) != negate);

    public override bool IsTruthy(JsonNode? data) => operand.IsTruthy(data) != negate;
}
