using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>A JSON value that is data, not logic: converted once at compile time and returned as is.</summary>
internal sealed class LiteralNode : LogicNode
{
    public static readonly LiteralNode Null = new(JsVal.Null);

    private readonly bool _truthy;

    private LiteralNode(JsVal value)
    {
        Constant = value;
        _truthy = value.IsTruthy;
    }

    public override bool IsConstant => true;

    public JsVal Constant { get; }

    public static LiteralNode Of(JsonNode? value) => value is null ? Null : new LiteralNode(JsonConversion.FromNode(value));

    public override JsVal Evaluate(in JsVal data) => Constant;

    public override bool IsTruthy(in JsVal data) => _truthy;
}
