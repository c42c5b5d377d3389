using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>missing</c>: the keys (given as arguments, or as one array argument) whose value in the data
/// is absent, null or "". An empty result is falsy, so <c>{"if": [{"missing": ...}, ...]}</c> reads naturally.
/// </summary>
internal sealed class MissingNode(LogicNode[] operands) : LogicNode
{
    public override JsonNode? Evaluate(JsonNode? data)
    {
        var missing = new JsonArray();
        if (operands.Length == 0)
        {
            return missing;
        }

        var first = operands[0].Evaluate(data);
        if (first is JsonArray keys)
        {
            foreach (var key in keys)
            {
                AddIfMissing(missing, key, data);
            }

            return missing;
        }

        AddIfMissing(missing, first, data);
        for (var i = 1; i < operands.Length; i++)
        {
            AddIfMissing(missing, operands[i].Evaluate(data), data);
        }

        return missing;
    }

    internal static void AddIfMissing(JsonArray missing, JsonNode? key, JsonNode? data)
    {
        DataPath.TryResolve(data, DataPath.Split(key), out var value);
        var type = JsValue.TypeOf(value);
        if (type == JsType.Null || (type == JsType.String && JsValue.GetString((JsonValue)value!).Length == 0))
        {
            missing.Add(key?.DeepClone());
        }
    }
}
