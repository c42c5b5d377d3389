using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>and</c>: the first falsy argument, or the last one; later arguments are not evaluated.</summary>
internal sealed class AndNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var current = JsVal.Null;
        foreach (var operand in operands)
        {
            current = operand.Evaluate(data);
            if (!current.IsTruthy)
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
            if (!operand.IsTruthy(data))
            {
                return false;
            }
        }

        return operands.Length > 0;
    }
}
