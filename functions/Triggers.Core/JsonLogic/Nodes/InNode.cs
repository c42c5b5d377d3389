using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>in</c>: substring of a string, or element (strictly equal) of an array; false for anything else.</summary>
internal sealed class InNode : LogicNode
{
    private readonly LogicNode _needle;
    private readonly LogicNode _haystack;

    // A literal array haystack, its elements converted once.
    private readonly JsVal[]? _items;

    public InNode(LogicNode needle, LogicNode haystack)
    {
        _needle = needle;
        _haystack = haystack;
        if (haystack is LiteralNode literal && literal.Value is JsonArray array)
        {
            _items = new JsVal[array.Count];
            for (var i = 0; i < _items.Length; i++)
            {
                _items[i] = JsVal.FromLiteral(array[i]);
            }
        }
    }

    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache) => JsVal.Boolean(IsTruthy(data, cache));

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache)
    {
        var needle = _needle.Evaluate(data, cache);
        if (_items is not null)
        {
            foreach (var item in _items)
            {
                if (JsEquality.Strict(item, needle))
                {
                    return true;
                }
            }

            return false;
        }

        var haystack = _haystack.Evaluate(data, cache);
        switch (haystack.Type)
        {
            case JsType.Array:
                var haystackItems = (JsonArray)haystack.Ref!;
                for (var index = 0; index < haystackItems.Count; index++)
                {
                    var item = haystackItems[index];
                    if (JsEquality.Strict(JsVal.FromNode(item), needle))
                    {
                        return true;
                    }
                }

                return false;
            case JsType.String:
                // json-logic-js answers false for an empty haystack before searching, even for an empty needle.
                var text = haystack.GetString();
                return text.Length > 0 && text.Contains(needle.ToJsString(), StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
