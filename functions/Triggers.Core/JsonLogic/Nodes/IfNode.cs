using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>if</c> (alias <c>?:</c>): [cond, then, cond, then, ..., else]. The first truthy condition picks its branch;
/// an odd last argument is the else; with no match and no else the result is null.
/// </summary>
internal sealed class IfNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var i = 0;
        for (; i < operands.Length - 1; i += 2)
        {
            if (operands[i].IsTruthy(data, cache))
            {
                return operands[i + 1].Evaluate(data, cache);
            }
        }

        return i == operands.Length - 1 ? operands[i].Evaluate(data, cache) : JsVal.Null;
    }

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        var i = 0;
        for (; i < operands.Length - 1; i += 2)
        {
            if (operands[i].IsTruthy(data, cache))
            {
                return operands[i + 1].IsTruthy(data, cache);
            }
        }

        return i == operands.Length - 1 && operands[i].IsTruthy(data, cache);
    }
}
