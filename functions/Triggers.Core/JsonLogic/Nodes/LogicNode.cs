using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// One compiled piece of logic. Evaluation may return references to nodes owned by the expression or by the data;
/// callers must not attach or mutate them (the public API hands out copies).
/// </summary>
internal abstract class LogicNode
{
    /// <summary>True when the node evaluates to the same value whatever the data, so containers can fold it.</summary>
    public virtual bool IsConstant => false;

    public abstract JsVal Evaluate(JsonNode? data, JsonLogicData? cache);

    /// <summary>Whether the result is truthy; nodes override it where that needs less work than the value.</summary>
    public virtual bool IsTruthy(JsonNode? data, JsonLogicData? cache) => Evaluate(data, cache).IsTruthy;
}
