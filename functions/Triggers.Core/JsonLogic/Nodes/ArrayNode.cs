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

    public override JsVal Evaluate(in JsVal data)
    {
        var result = new JsVal[_items.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _items[i].Evaluate(data);
        }

        return JsVal.Array(new LogicArray(result));
    }

    public override bool IsTruthy(in JsVal data)
    {
        // Every element is still evaluated, as it would be to build the array.
        foreach (var item in _items)
        {
            item.Evaluate(data);
        }

        return _items.Length > 0;
    }
}
