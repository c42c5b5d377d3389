using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>{"in": ["literal", {"var": path}]}</c>, as rules look for a keyword in the text or a tag in a list: the value
/// read inline; a substring search in a string, an element equal to the literal in an array, false otherwise.
/// </summary>
internal sealed class StringInVarNode(string word, VarNode variable) : LogicNode
{
    private VarReader _reader = new(variable);

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var value = _reader.Read(data);
        switch (value.Type)
        {
            case JsType.String:
                // json-logic-js answers false for an empty haystack before searching, even for an empty needle.
                var text = (string)value.Ref!;
                return text.Length > 0 && text.Contains(word, StringComparison.Ordinal);
            case JsType.Array:
                foreach (ref readonly var item in ((LogicArray)value.Ref!).Items)
                {
                    if (item.Type == JsType.String && string.Equals((string)item.Ref!, word))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
