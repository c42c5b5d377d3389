using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>map</c>: [array, logic]; the logic runs with each element as its data. Not an array: [].</summary>
internal sealed class MapNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var result = new JsonArray();
        if (source.Evaluate(data, cache).Array is { } items)
        {
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                // Results may belong to the data or the expression; a node can have only one parent.
                result.Add(body.Evaluate(item, null).ToNode());
            }
        }

        return JsVal.FromNode(result);
    }
}

/// <summary><c>filter</c>: [array, logic]; the elements for which the logic (with the element as data) is truthy.</summary>
internal sealed class FilterNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var result = new JsonArray();
        if (source.Evaluate(data, cache).Array is { } items)
        {
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                if (body.IsTruthy(item, null))
                {
                    result.Add(item?.DeepClone());
                }
            }
        }

        return JsVal.FromNode(result);
    }
}

/// <summary>
/// <c>reduce</c>: [array, logic, initial]; the logic sees <c>{"current": element, "accumulator": so far}</c>.
/// Without an array the result is the initial value (null when there is none).
/// </summary>
internal sealed class ReduceNode(LogicNode source, LogicNode body, LogicNode? initial) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var accumulator = initial?.Evaluate(data, cache) ?? JsVal.Null;
        if (source.Evaluate(data, cache).Array is not { } items)
        {
            return accumulator;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            // The scope object must own its members: copies of the element and of the running value.
            var scope = new JsonObject
            {
                ["current"] = item?.DeepClone(),
                ["accumulator"] = accumulator.ToNode(),
            };
            accumulator = body.Evaluate(scope, null);
        }

        return accumulator;
    }
}

/// <summary><c>all</c>: [array, logic]; true when the logic is truthy for every element. An empty array is false.</summary>
internal sealed class AllNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var items = source.Evaluate(data, cache);
        switch (items.Type)
        {
            case JsType.Array when ((JsonArray)items.Ref!).Count > 0:
                var array = (JsonArray)items.Ref!;
                for (var index = 0; index < array.Count; index++)
                {
                    var item = array[index];
                    if (!body.IsTruthy(item, null))
                    {
                        return JsVal.False;
                    }
                }

                return JsVal.True;
            case JsType.String when items.GetString().Length > 0:
                // json-logic-js indexes whatever has a length, so a string is walked character by character.
                foreach (var c in items.GetString())
                {
                    if (!body.IsTruthy(JsonValue.Create(c.ToString()), null))
                    {
                        return JsVal.False;
                    }
                }

                return JsVal.True;
            default:
                return JsVal.False;
        }
    }
}

/// <summary>
/// <c>some</c> and <c>none</c>: [array, logic]; whether the logic is truthy for at least one element (some) or for
/// none (none). Not an array, or empty: some is false, none is true.
/// </summary>
internal sealed class SomeNode(LogicNode source, LogicNode body, bool none) : LogicNode
{
    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var found = false;
        if (source.Evaluate(data, cache).Array is { } items)
        {
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                if (body.IsTruthy(item, null))
                {
                    found = true;
                    break;
                }
            }
        }

        return JsVal.Boolean(found != none);
    }
}
