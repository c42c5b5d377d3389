using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>{"in": [{"var": path}, [literal, ...]]}</c>, as rules scope themselves to signal kinds or platforms: the value
/// read inline, a string compared with the list's strings only (=== never matches a string with anything else).
/// </summary>
internal sealed class VarInListNode : LogicNode
{
    private VarReader _reader;
    private readonly LogicArray _list;
    private readonly string[] _strings;

    // Every string of the list is shared (StringValues): a shared value is then found, or not, by reference alone.
    private readonly bool _sharedStrings;

    public VarInListNode(VarNode variable, LogicArray list)
    {
        _reader = new VarReader(variable);
        _list = list;
        var strings = new List<string>();
        _sharedStrings = true;
        foreach (ref readonly var item in list.Items)
        {
            if (item.Type == JsType.String)
            {
                strings.Add(item.GetString());
                _sharedStrings &= item.IsSharedString;
            }
        }

        _strings = [.. strings];
    }

    public override JsVal Evaluate(in JsVal data) => JsVal.Boolean(IsTruthy(data));

    public override bool IsTruthy(in JsVal data)
    {
        var value = _reader.Read(data);
        if (value.Type != JsType.String)
        {
            return InNode.Contains(JsVal.Array(_list), value);
        }

        var text = (string)value.Ref!;
        if (_sharedStrings && value.IsSharedString)
        {
            foreach (var candidate in _strings)
            {
                if (ReferenceEquals(candidate, text))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var candidate in _strings)
        {
            if (string.Equals(candidate, text))
            {
                return true;
            }
        }

        return false;
    }
}
