using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>or</c>: the first truthy argument, or the last one; later arguments are not evaluated.</summary>
internal sealed class OrNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var current = JsVal.Null;
        foreach (var operand in operands)
        {
            current = operand.Evaluate(data);
            if (current.IsTruthy)
            {
                return current;
            }
        }

        return current;
    }

    public override bool IsTruthy(in JsVal data)
    {
        foreach (var operand in operands)
        {
            if (operand.IsTruthy(data))
            {
                return true;
            }
        }

        return false;
    }
}
