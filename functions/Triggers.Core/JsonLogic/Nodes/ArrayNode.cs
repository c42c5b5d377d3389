using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>An array whose elements contain logic: each element is evaluated into a new array.</summary>
internal sealed class ArrayNode : LogicNode
{
    private readonly LogicNode[] _items;

    private ArrayNode(LogicNode[] items) => _items = items;

    public static LogicNode Create(JsonArray source, LogicNode[] items)
    {
        foreach (var item in items)
        {
            if (!item.IsConstant)
            {
                return new ArrayNode(items);
            }
        }

        return LiteralNode.Of(source);
    }

    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var result = new JsonArray();
        foreach (var item in _items)
        {
            // Results may belong to the data or the expression; a node can have only one parent.
            result.Add(item.Evaluate(data, cache).ToNode());
        }

        return JsVal.FromNode(result);
    }

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        // Every element is still evaluated, as it would be to build the array.
        foreach (var item in _items)
        {
            item.Evaluate(data, cache);
        }

        return _items.Length > 0;
    }
}
