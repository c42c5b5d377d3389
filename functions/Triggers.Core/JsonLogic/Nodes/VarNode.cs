using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>{"var": [path, default]}</c>: a value from the data, or the default (null) when it is not there.</summary>
internal sealed class VarNode : LogicNode
{
    private readonly LogicNode? _path;
    private readonly string[]? _segments;
    private readonly LogicNode _fallback;

    // The literal path's number in DataPathIds; -1 for a computed path or the whole data.
    private readonly int _id;

    private VarNode(LogicNode? path, string[]? segments, LogicNode fallback)
    {
        _path = path;
        _segments = segments;
        _fallback = fallback;
        _id = path is null && segments is not null ? DataPathIds.For(string.Join('.', segments)) : -1;
    }

    public static LogicNode Create(LogicNode[] args)
    {
        var fallback = args.Length > 1 ? args[1] : LiteralNode.Null;
        if (args.Length == 0)
        {
            return new VarNode(null, null, fallback);
        }

        // The usual case, a literal path, is split once here rather than on every evaluation.
        return args[0] is LiteralNode literal
            ? new VarNode(null, DataPath.Split(literal.Value), fallback)
            : new VarNode(args[0], null, fallback);
    }

    public override JsVal Evaluate(JsonNode? data, JsonLogicData? cache)
    {
        if (cache is not null && _id >= 0)
        {
            return cache.TryResolve(_id, _segments, out var known) ? known : _fallback.Evaluate(data, cache);
        }

        var segments = _path is null ? _segments : DataPath.Split(_path.Evaluate(data, cache));
        return DataPath.TryResolve(data, segments, out var value) ? JsVal.FromNode(value) : _fallback.Evaluate(data, cache);
    }
}
