using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>map</c>: [array, logic]; the logic runs with each element as its data. Not an array: [].</summary>
internal sealed class MapNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        if (source.Evaluate(data).AsArray is not { Count: > 0 } items)
        {
            return JsVal.Array(LogicArray.Empty);
        }

        var result = new JsVal[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = body.Evaluate(items[i]);
        }

        return JsVal.Array(new LogicArray(result));
    }
}

/// <summary><c>filter</c>: [array, logic]; the elements for which the logic (with the element as data) is truthy.</summary>
internal sealed class FilterNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var result = new List<JsVal>();
        if (source.Evaluate(data).AsArray is { } items)
        {
            foreach (ref readonly var item in items.Items)
            {
                if (body.IsTruthy(item))
                {
                    result.Add(item);
                }
            }
        }

        return JsVal.Array(LogicArray.From(result));
    }
}

/// <summary>
/// <c>reduce</c>: [array, logic, initial]; the logic sees <c>{"current": element, "accumulator": so far}</c>.
/// Without an array the result is the initial value (null when there is none).
/// </summary>
internal sealed class ReduceNode(LogicNode source, LogicNode body, LogicNode? initial) : LogicNode
{
    // Shared by every scope object: values are immutable, so only the two values differ per element.
    private static readonly ObjectShape Scope = ObjectShape.Private([KeyNames.Canonical("current"), KeyNames.Canonical("accumulator")]);

    public override JsVal Evaluate(in JsVal data)
    {
        var accumulator = initial?.Evaluate(data) ?? JsVal.Null;
        if (source.Evaluate(data).AsArray is not { } items)
        {
            return accumulator;
        }

        foreach (ref readonly var item in items.Items)
        {
            var scope = JsVal.Object(new LogicObject(Scope, [item, accumulator]));
            accumulator = body.Evaluate(scope);
        }

        return accumulator;
    }
}

/// <summary><c>all</c>: [array, logic]; true when the logic is truthy for every element. An empty array is false.</summary>
internal sealed class AllNode(LogicNode source, LogicNode body) : LogicNode
{
    public override JsVal Evaluate(in JsVal data)
    {
        var items = source.Evaluate(data);
        switch (items.Type)
        {
            case JsType.Array when ((LogicArray)items.Ref!).Count > 0:
                foreach (ref readonly var item in ((LogicArray)items.Ref!).Items)
                {
                    if (!body.IsTruthy(item))
                    {
                        return JsVal.False;
                    }
                }

                return JsVal.True;
            case JsType.String when items.GetString().Length > 0:
                // json-logic-js indexes whatever has a length, so a string is walked character by character.
                foreach (var c in items.GetString())
                {
                    if (!body.IsTruthy(JsVal.String(c.ToString())))
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
    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var found = false;
        if (source.Evaluate(data).AsArray is { } items)
        {
            foreach (ref readonly var item in items.Items)
            {
                if (body.IsTruthy(item))
                {
                    found = true;
                    break;
                }
            }
        }

        return found != none;
    }
}
