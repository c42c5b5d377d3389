using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>; the first two also take a third argument: "between".</summary>
internal sealed class ComparisonNode(JsComparison compare, LogicNode first, LogicNode second, LogicNode? third) : LogicNode
{
    /// <summary>The general node, or one that reads a var inline when it is compared with a literal (two arguments).</summary>
    public static LogicNode Create(JsComparison compare, LogicNode[] args)
    {
        if (args.Length == 2)
        {
            switch (args[0], args[1])
            {
                case (VarNode { HasLiteralPath: true } variable, LiteralNode literal):
                    return new VarComparisonNode(compare, variable, literal.Constant);
                case (LiteralNode literal, VarNode { HasLiteralPath: true } variable):
                    // literal < var is var > literal: the same test with the operands in the other order.
                    return new VarComparisonNode(JsCompare.Mirror(compare), variable, literal.Constant);
            }
        }

        return new ComparisonNode(compare, args[0], args[1], args.Length > 2 ? args[2] : null);
    }

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var a = first.Evaluate(data);
        var b = second.Evaluate(data);
        if (third is null)
        {
            return JsCompare.Apply(compare, a, b);
        }

        // JsonLogic evaluates every argument before comparing, so the third is evaluated even when a < b fails.
        var c = third.Evaluate(data);
        return JsCompare.Apply(compare, a, b) && JsCompare.Apply(compare, b, c);
    }
}
