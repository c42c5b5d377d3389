using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>in</c>: substring of a string, or element (strictly equal) of an array; false for anything else.</summary>
internal sealed class InNode(LogicNode needle, LogicNode haystack) : LogicNode
{
    /// <summary>The general node, or one specialised for the shapes rules use most.</summary>
    public static LogicNode Create(LogicNode needle, LogicNode haystack)
    {
        if (needle is VarNode { HasLiteralPath: true } variable && haystack is LiteralNode { Constant.Type: JsType.Array } list)
        {
            return new VarInListNode(variable, (LogicArray)list.Constant.Ref!);
        }

        if (needle is LiteralNode { Constant.Type: JsType.String } word && haystack is VarNode { HasLiteralPath: true } source)
        {
            return new StringInVarNode(word.Constant.GetString(), source);
        }

        return new InNode(needle, haystack);
    }

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var item = needle.Evaluate(data);
        return Contains(haystack.Evaluate(data), item);
    }

    public static bool Contains(in JsVal haystack, in JsVal needle)
    {
        switch (haystack.Type)
        {
            case JsType.Array:
                foreach (ref readonly var item in ((LogicArray)haystack.Ref!).Items)
                {
                    if (JsEquality.Strict(item, needle))
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
