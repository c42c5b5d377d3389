using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// <c>missing</c>: the keys (given as arguments, or as one array argument) whose value in the data
/// is absent, null or "". An empty result is falsy, so <c>{"if": [{"missing": ...}, ...]}</c> reads naturally.
/// </summary>
internal sealed class MissingNode : LogicNode
{
    private readonly LogicNode[] _operands;

    // Literal keys, split once.
    private readonly (JsVal Key, DataPath Path)[]? _constantKeys;

    public MissingNode(LogicNode[] operands)
    {
        _operands = operands;
        if (operands.Length == 1 && operands[0] is LiteralNode { Constant.Type: JsType.Array } list)
        {
            _constantKeys = [.. list.Constant.AsArray!.Items.ToArray().Select(k => (k, DataPath.Of(k)))];
        }
        else if (operands.Length > 0 && operands[0] is LiteralNode { Constant.Type: not JsType.Array } && operands.All(o => o is LiteralNode))
        {
            _constantKeys = [.. operands.Select(o => ((LiteralNode)o).Constant).Select(k => (k, DataPath.Of(k)))];
        }
    }

    public override JsVal Evaluate(in JsVal data)
    {
        var missing = new List<JsVal>();
        if (_constantKeys is not null)
        {
            foreach (var (key, path) in _constantKeys)
            {
                if (IsMissing(data, path))
                {
                    missing.Add(key);
                }
            }

            return JsVal.Array(LogicArray.From(missing));
        }

        if (_operands.Length == 0)
        {
            return JsVal.Array(LogicArray.Empty);
        }

        var first = _operands[0].Evaluate(data);
        if (first.AsArray is { } keys)
        {
            foreach (ref readonly var key in keys.Items)
            {
                AddIfMissing(missing, key, data);
            }

            return JsVal.Array(LogicArray.From(missing));
        }

        AddIfMissing(missing, first, data);
        for (var i = 1; i < _operands.Length; i++)
        {
            AddIfMissing(missing, _operands[i].Evaluate(data), data);
        }

        return JsVal.Array(LogicArray.From(missing));
    }

    public override bool IsTruthy(in JsVal data)
    {
        if (_constantKeys is null)
        {
            return base.IsTruthy(data);
        }

        foreach (var (_, path) in _constantKeys)
        {
            if (IsMissing(data, path))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsMissing(in JsVal data, DataPath path)
    {
        path.TryResolve(data, out var value);
        return value.Type == JsType.Null || (value.Type == JsType.String && value.GetString().Length == 0);
    }

    internal static void AddIfMissing(List<JsVal> missing, in JsVal key, in JsVal data)
    {
        if (IsMissing(data, DataPath.Of(key)))
        {
            missing.Add(key);
        }
    }
}
