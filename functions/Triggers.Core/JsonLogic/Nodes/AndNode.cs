using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>and</c>: the first falsy argument, or the last one; later arguments are not evaluated.</summary>
internal sealed class AndNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var current = JsVal.Null;
        foreach (var operand in operands)
        {
            current = operand.Evaluate(data, cache);
            if (!current.IsTruthy)
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
            if (!operand.IsTruthy(data, cache))
            {
                return false;
            }
        }

        return operands.Length > 0;
    }
}
