using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>
/// Data prepared for evaluating many expressions against it, as the rule engine does with one signal and every rule
/// of its tenant: the node is read once, into the evaluator's own immutable form, whose lookups cost a few
/// nanoseconds. A snapshot: changing the node afterwards does not change what expressions see. Holds no results, so
/// it is safe to share between threads.
/// </summary>
public sealed class JsonLogicData
{
    private readonly JsVal _value;
    private JsonNode? _node;
    private bool _hasNode;
    private object? _nodeLock;

    public JsonLogicData(JsonNode? data)
    {
        _node = data;
        _hasNode = true;
        _value = JsonConversion.FromNode(data);
    }

    /// <summary>Data built directly in the evaluator's form (<see cref="LogicDataBuilder"/>).</summary>
    internal JsonLogicData(in JsVal value) => _value = value;

    /// <summary>
    /// The node the data was prepared from; for data built directly (<see cref="Rules.ConditionData.BuildLogicData"/>),
    /// a node made from it on first use (numbers as doubles), the same node on every call.
    /// </summary>
    public JsonNode? Node => LazyInitializer.EnsureInitialized(ref _node, ref _hasNode, ref _nodeLock, () => JsonConversion.ToNode(_value));

    /// <summary>Whether the expression's result on this data is truthy.</summary>
    public bool Satisfies(JsonLogicExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Root.IsTruthy(_value);
    }

    /// <summary>The expression's result on this data, as a new node the caller owns (see <see cref="JsonLogicExpression.Evaluate"/>).</summary>
    public JsonNode? Evaluate(JsonLogicExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return JsonConversion.ToNode(expression.Root.Evaluate(_value));
    }
}
