using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>!</c> (not truthy) and <c>!!</c> (truthy), always a boolean.</summary>
internal sealed class NotNode(LogicNode operand, bool negate) : LogicNode
{
    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(operand.IsTruthy(data) != negate);

    public override bool IsTruthy(in JsVal data) => operand.IsTruthy(data) != negate;
}
