using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>A JSON value that is data, not logic: returned as is, converted once at compile time.</summary>
internal sealed class LiteralNode : LogicNode
{
    public static readonly LiteralNode Null = new(null);

    private readonly JsVal _constant;
    private readonly bool _truthy;

    private LiteralNode(JsonNode? value)
    {
        Value = value;
        _constant = JsVal.FromLiteral(value);
        _truthy = _constant.IsTruthy;
    }

    public override bool IsConstant => true;

    public JsonNode? Value { get; }

    public JsVal Constant => _constant;

    /// <summary>Takes a private copy, fully materialised so concurrent evaluations only ever read it.</summary>
    public static LiteralNode Of(JsonNode? value)
    {
        if (value is null)
        {
            return Null;
        }

        var copy = value.DeepClone();
        Materialise(copy);
        return new LiteralNode(copy);
    }

    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache) => _constant;

    public override bool IsTruthy(JsonNode? data, JsonLogicData? cache) => _truthy;

    // JsonArray and JsonObject build their children lazily on first access, which is not thread-safe.
    private static void Materialise(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialise(item);
                }

                break;
            case JsonObject obj:
                foreach (var property in obj)
                {
                    Materialise(property.Value);
                }

                break;
        }
    }
}
