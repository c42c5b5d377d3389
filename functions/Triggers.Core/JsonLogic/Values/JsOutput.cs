using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// Turns an evaluation result into a node the caller owns and can serialise: a copy in which NaN and the
/// infinities are null and -0 is 0, which is what JSON.stringify makes of a json-logic-js result.
/// </summary>
internal static class JsOutput
{
    public static JsonNode? ToOwned(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var copy = new JsonArray();
                foreach (var item in array)
                {
                    copy.Add(ToOwned(item));
                }

                return copy;
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    result[key] = ToOwned(value);
                }

                return result;
            case JsonValue value when JsValue.TypeOf(value) == JsType.Number:
                var number = JsValue.GetNumber(value);
                if (!double.IsFinite(number))
                {
                    return null;
                }

                return number == 0 && double.IsNegative(number) ? JsonValue.Create(0d) : value.DeepClone();
            default:
                return node.DeepClone();
        }
    }
}
