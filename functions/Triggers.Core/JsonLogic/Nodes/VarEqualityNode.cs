using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// A var compared with a literal by <c>==</c>, <c>!=</c>, <c>===</c> or <c>!==</c>, as most rule conditions are: the
/// value read inline; two strings or two numbers compared directly, any other pair by JavaScript's rules.
/// </summary>
internal sealed class VarEqualityNode(VarNode variable, JsVal literal, bool strict, bool negate) : LogicNode
{
    private VarReader _reader = new(variable);

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var value = _reader.Read(data);
        bool equal;
        if (value.Type != literal.Type)
        {
            equal = !strict && JsEquality.Loose(value, literal);
        }
        else if (value.Type == JsType.String)
        {
            // Two shared strings are equal exactly when they are the same instance (StringValues).
            equal = value.IsSharedString && literal.IsSharedString
                ? ReferenceEquals(value.Ref, literal.Ref)
                : string.Equals((string)value.Ref!, (string)literal.Ref!);
        }
        else
        {
            equal = JsEquality.Strict(value, literal);
        }

        return equal != negate;
    }
}
