using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>!</c> (not truthy) and <c>!!</c> (truthy), always a boolean.</summary>
internal sealed class NotNode(LogicNode operand, bool negate) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache) => JsVal.Boolean(operand.IsTruthy(data, cache) != negate);

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache) => operand.IsTruthy(data, cache) != negate;
}
