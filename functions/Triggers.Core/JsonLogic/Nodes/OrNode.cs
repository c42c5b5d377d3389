using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>or</c>: the first truthy argument, or the last one; later arguments are not evaluated.</summary>
internal sealed class OrNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var current = JsVal.Null;
        foreach (var operand in operands)
        {
            current = operand.Evaluate(data, cache);
            if (current.IsTruthy)
            {
                return current;
            }
        }

        return current;
    }

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        foreach (var operand in operands)
        {
            if (operand.IsTruthy(data, cache))
            {
                return true;
            }
        }

        return false;
    }
}
