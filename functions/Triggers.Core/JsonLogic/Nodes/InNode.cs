using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>in</c>: substring of a string, or element (strictly equal) of an array; false for anything else.</summary>
internal sealed class InNode(LogicNode needle, LogicNode haystack) : LogicNode
{
    public override JsonNode? Evaluate(JsonNode? data)
    {
        var a = needle.Evaluate(data);
        var b = haystack.Evaluate(data);
        return JsValue.Boolean(Contains(b, a));
    }

    private static bool Contains(JsonNode? haystack, JsonNode? needle)
    {
        switch (haystack)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (JsEquality.Strict(item, needle))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value when JsValue.TypeOf(value) == JsType.String:
                // json-logic-js answers false for an empty haystack before searching, even for an empty needle.
                var text = JsValue.GetString(value);
                return text.Length > 0 && text.Contains(JsPrimitive.ToJsString(needle), StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
