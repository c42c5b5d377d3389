using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>A JSON value that is data, not logic: returned as is.</summary>
internal sealed class LiteralNode : LogicNode
{
    public static readonly LiteralNode Null = new(null);

    private readonly JsonNode? _value;

    private LiteralNode(JsonNode? value) => _value = value;

    public override bool IsConstant => true;

    public JsonNode? Value => _value;

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

    public override JsonNode? Evaluate(JsonNode? data) => _value;

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
