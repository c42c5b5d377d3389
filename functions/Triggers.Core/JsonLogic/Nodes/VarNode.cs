using System.Runtime.CompilerServices;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary><c>{"var": [path, default]}</c>: a value from the data, or the default (null) when it is not there.</summary>
internal sealed class VarNode : LogicNode
{
    private readonly LogicNode? _computedPath;
    private readonly DataPath _path;
    private readonly LogicNode _fallback;

    // A literal default (the usual case) is read without a virtual call.
    private readonly bool _constantFallback;
    private readonly JsVal _fallbackValue;

    private VarNode(LogicNode? computedPath, DataPath path, LogicNode fallback)
    {
        _computedPath = computedPath;
        _path = path;
        _fallback = fallback;
        if (fallback is LiteralNode literal)
        {
            _constantFallback = true;
            _fallbackValue = literal.Constant;
        }
    }

    /// <summary>Whether the path is written in the logic (not computed), so that nodes around it may read it directly.</summary>
    public bool HasLiteralPath => _computedPath is null;

    /// <summary>The path when it is literal (<see cref="HasLiteralPath"/>).</summary>
    public DataPath Path => _path;

    public static LogicNode Create(LogicNode[] args)
    {
        var fallback = args.Length > 1 ? args[1] : LiteralNode.Null;
        if (args.Length == 0)
        {
            return new VarNode(null, DataPath.Whole, fallback);
        }

        // The usual case, a literal path, is split once here rather than on every evaluation.
        return args[0] is LiteralNode literal
            ? new VarNode(null, DataPath.Of(literal.Constant), fallback)
            : new VarNode(args[0], DataPath.Whole, fallback);
    }

    /// <summary>The value; non-virtual, for the specialised nodes that hold a VarNode.</summary>
    public JsVal Read(in JsVal data)
    {
        if (_computedPath is null)
        {
            ref readonly var found = ref _path.Find(data);
            if (!Unsafe.IsNullRef(in found))
            {
                return found;
            }
        }
        else if (DataPath.Of(_computedPath.Evaluate(data)).TryResolve(data, out var value))
        {
            return value;
        }

        return _constantFallback ? _fallbackValue : _fallback.Evaluate(data);
    }

    public override JsVal Evaluate(in JsVal data) => Read(data);

    public override bool IsTruthy(in JsVal data) => Read(data).IsTruthy;
}
