using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>or</c>: the first truthy argument, or the last one; later arguments are not evaluated.</summary>
internal sealed class OrNode(LogicNode[] operands) : LogicNode
{
    public override JsonNode? Evaluate(JsonNode? data)
    {
        JsonNode? current = null;
        foreach (var operand in operands)
        {
            current = operand.Evaluate(data);
            if (JsValue.IsTruthy(current))
            {
                return current;
            }
        }

        return current;
    }
}
