using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>Compiled JsonLogic: immutable, safe to share and to evaluate concurrently.</summary>
public sealed class JsonLogicExpression
{
    private readonly LogicNode _root;

    internal JsonLogicExpression(LogicNode root) => _root = root;

    /// <summary>
    /// The result as a new node the caller owns (never a node of <paramref name="data"/>). A number that is not
    /// finite (NaN from <c>{"+": ["apple"]}</c>, Infinity from <c>{"/": [1, 0]}</c>) comes back as null, as
    /// JSON.stringify writes it.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? data) => _root.Evaluate(data, null).ToOwned();

    /// <summary>Whether the result is truthy in JsonLogic's sense; copies nothing.</summary>
    public bool IsSatisfiedBy(JsonNode? data) => _root.IsTruthy(data, null);

    internal LogicNode Root => _root;
}
