using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>==</c>, <c>!=</c> (loose, JavaScript coercions) and <c>===</c>, <c>!==</c> (strict).</summary>
internal sealed class EqualityNode(LogicNode left, LogicNode right, bool strict, bool negate) : LogicNode
{
    /// <summary>The general node, or one that reads a var inline when the other side is a literal (equality is symmetric).</summary>
    public static LogicNode Create(LogicNode left, LogicNode right, bool strict, bool negate) => (left, right) switch
    {
        (VarNode { HasLiteralPath: true } variable, LiteralNode literal) => new VarEqualityNode(variable, literal.Constant, strict, negate),
        (LiteralNode literal, VarNode { HasLiteralPath: true } variable) => new VarEqualityNode(variable, literal.Constant, strict, negate),
        _ => new EqualityNode(left, right, strict, negate),
    };

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var a = left.Evaluate(data);
        var b = right.Evaluate(data);
        var equal = strict ? JsEquality.Strict(a, b) : JsEquality.Loose(a, b);
        return equal != negate;
    }
}
