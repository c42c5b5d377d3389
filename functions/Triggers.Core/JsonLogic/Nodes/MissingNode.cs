using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>missing</c>: the keys (given as arguments, or as one array argument) whose value in the data
/// is absent, null or "". An empty result is falsy, so <c>{"if": [{"missing": ...}, ...]}</c> reads naturally.
/// </summary>
internal sealed class MissingNode : LogicNode
{
    private readonly LogicNode[] _operands;

    // Literal keys, split once.
    private readonly (JsonNode? Key, string[]? Path)[]? _constantKeys;

    public MissingNode(LogicNode[] operands)
    {
        _operands = operands;
        if (operands.Length == 1 && operands[0] is LiteralNode { Value: JsonArray keys })
        {
            _constantKeys = keys.Select(k => (k, DataPath.Split(k))).ToArray();
        }
        else if (operands.Length > 0 && operands[0] is LiteralNode { Value: not JsonArray } && operands.All(o => o is LiteralNode))
        {
            _constantKeys = operands.Select(o => ((LiteralNode)o).Value).Select(k => (k, DataPath.Split(k))).ToArray();
        }
    }

    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        var missing = new JsonArray();
        if (_constantKeys is not null)
        {
            foreach (var (key, path) in _constantKeys)
            {
                if (IsMissing(data, path))
                {
                    missing.Add(key?.DeepClone());
                }
            }

            return JsVal.FromNode(missing);
        }

        if (_operands.Length == 0)
        {
            return JsVal.FromNode(missing);
        }

        var first = _operands[0].Evaluate(data, cache);
        if (first.Array is { } keys)
        {
            for (var index = 0; index < keys.Count; index++)
            {
                var key = keys[index];
                AddIfMissing(missing, key, data);
            }

            return JsVal.FromNode(missing);
        }

        AddIfMissing(missing, first, data);
        for (var i = 1; i < _operands.Length; i++)
        {
            AddIfMissing(missing, _operands[i].Evaluate(data, cache), data);
        }

        return JsVal.FromNode(missing);
    }

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        if (_constantKeys is null)
        {
            return base.IsTruthy(data, cache);
        }

        foreach (var (_, path) in _constantKeys)
        {
            if (IsMissing(data, path))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsMissing(JsonNode? data, string[]? path)
    {
        DataPath.TryResolve(data, path, out var value);
        var type = JsValue.TypeOf(value);
        return type == JsType.Null || (type == JsType.String && JsValue.GetString((JsonValue)value!).Length == 0);
    }

    internal static void AddIfMissing(JsonArray missing, JsonNode? key, JsonNode? data)
    {
        if (IsMissing(data, DataPath.Split(key)))
        {
            missing.Add(key?.DeepClone());
        }
    }

    internal static void AddIfMissing(JsonArray missing, in JsVal key, JsonNode? data)
    {
        if (IsMissing(data, DataPath.Split(key)))
        {
            missing.Add(key.ToNode());
        }
    }
}
