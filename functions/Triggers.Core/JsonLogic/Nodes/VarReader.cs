using System.Runtime.CompilerServices;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// A literal-path <c>var</c> read inline by the node that holds it (a field, never copied: it keeps its own position
/// hints): paths of up to three segments are walked from this struct's fields, so a read touches the holding node and
/// the data only. When the path does not resolve, the var node answers (its default).
/// </summary>
internal struct VarReader
{
    private readonly VarNode _variable;
    private readonly DataPath _path;
    private readonly int _count;
    private readonly string? _s0, _s1, _s2;
    private readonly int _i0, _i1, _i2;
    private int _h0, _h1, _h2;

    public VarReader(VarNode variable)
    {
        if (!variable.HasLiteralPath)
        {
            throw new ArgumentException("the var's path must be literal", nameof(variable));
        }

        _variable = variable;
        _path = variable.Path;
        var segments = _path.Segments;
        var indices = _path.Indices;
        _count = segments.Length;
        if (_count > 0)
        {
            _s0 = segments[0];
            _i0 = indices[0];
        }

        if (_count > 1)
        {
            _s1 = segments[1];
            _i1 = indices[1];
        }

        if (_count > 2)
        {
            _s2 = segments[2];
            _i2 = indices[2];
        }
    }

    /// <summary>What the var node's Read answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JsVal Read(in JsVal data)
    {
        ref readonly var found = ref Find(data);
        return Unsafe.IsNullRef(in found) ? _variable.Read(data) : found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly JsVal Find(in JsVal data)
    {
        switch (_count)
        {
            case 0:
                return ref data;
            case 1:
                return ref DataPath.Step(data, _s0!, _i0, ref _h0);
            case 2:
            {
                ref readonly var first = ref DataPath.Step(data, _s0!, _i0, ref _h0);
                return ref Unsafe.IsNullRef(in first) ? ref first : ref DataPath.Step(first, _s1!, _i1, ref _h1);
            }

            case 3:
            {
                ref readonly var first = ref DataPath.Step(data, _s0!, _i0, ref _h0);
                if (Unsafe.IsNullRef(in first))
                {
                    return ref first;
                }

                ref readonly var second = ref DataPath.Step(first, _s1!, _i1, ref _h1);
                return ref Unsafe.IsNullRef(in second) ? ref second : ref DataPath.Step(second, _s2!, _i2, ref _h2);
            }

            default:
                return ref _path.Find(data);
        }
    }
}
