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
    /// JSON.stringify writes it. Reads the whole data first: to evaluate several expressions against the same data,
    /// prepare it once with <see cref="JsonLogicData"/>.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? data)
    {
        var value = JsonConversion.FromNode(data);
        return JsonConversion.ToNode(_root.Evaluate(value));
    }

    /// <summary>Whether the result is truthy in JsonLogic's sense (see <see cref="Evaluate"/> about the data).</summary>
    public bool IsSatisfiedBy(JsonNode? data)
    {
        var value = JsonConversion.FromNode(data);
        return _root.IsTruthy(value);
    }

    internal LogicNode Root => _root;
}
