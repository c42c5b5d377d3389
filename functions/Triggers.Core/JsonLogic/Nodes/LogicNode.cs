using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// One compiled piece of logic. Evaluation may return nodes owned by the expression or by the data;
/// callers must not attach or mutate them (the public API hands out copies).
/// </summary>
internal abstract class LogicNode
{
    /// <summary>True when the node evaluates to the same value whatever the data, so containers can fold it.</summary>
    public virtual bool IsConstant => false;

    public abstract JsonNode? Evaluate(JsonNode? data);
}
