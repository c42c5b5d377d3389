using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>if</c> (alias <c>?:</c>): [cond, then, cond, then, ..., else]. The first truthy condition picks its branch;
/// an odd last argument is the else; with no match and no else the result is null.
/// </summary>
internal sealed class IfNode(LogicNode[] operands) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var i = 0;
        for (; i < operands.Length - 1; i += 2)
        {
            if (operands[i].IsTruthy(data))
            {
                return operands[i + 1].Evaluate(data);
            }
        }

        return i == operands.Length - 1 ? operands[i].Evaluate(data) : JsVal.Null;
    }

    public override bool IsTruthy(in JsVal data)
    {
        var i = 0;
        for (; i < operands.Length - 1; i += 2)
        {
            if (operands[i].IsTruthy(data))
            {
                return operands[i + 1].IsTruthy(data);
            }
        }

        return i == operands.Length - 1 && operands[i].IsTruthy(data);
    }
}
