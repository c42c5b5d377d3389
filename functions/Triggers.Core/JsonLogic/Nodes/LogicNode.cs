using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// One compiled piece of logic, evaluated against the data (the whole data, or the element a <c>map</c>,
/// <c>some</c>... is looking at). Values are immutable, so results may share parts of the data and of the logic.
/// </summary>
internal abstract class LogicNode
{
    /// <summary>True when the node evaluates to the same value whatever the data, so containers can fold it.</summary>
    public virtual bool IsConstant => false;

    public abstract JsVal Evaluate(in JsVal data);

    /// <summary>Whether the result is truthy; nodes override it where that needs less work than the value.</summary>
    public virtual bool IsTruthy(in JsVal data) => Evaluate(data).IsTruthy;
}
