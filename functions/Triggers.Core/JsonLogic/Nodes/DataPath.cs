using System.Globalization;
using System.Runtime.CompilerServices;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>
/// A dotted path of <c>var</c> and <c>missing</c>: "a.b", "items.0.sku"; "" or null is the whole data. Split once;
/// each segment also kept as an array index when it is one.
/// </summary>
internal sealed class DataPath
{
    public static readonly DataPath Whole = new([]);

    private readonly string[] _segments;

    // The segment as a canonical array index ("0", "12"), or -1: "01" is not index 1, as for JavaScript property keys.
    private readonly int[] _indices;

    // Where each key was found last time, tried first (see LogicObject.IndexOf).
    private readonly int[] _hints;

    // The first three segments again in fields (most paths: "signal.kind", "emotion.price.peak"), so that a lookup
    // reads this object only, not three arrays besides.
    private readonly int _count;
    private readonly string? _s0, _s1, _s2;
    private readonly int _i0, _i1, _i2;
    private int _h0, _h1, _h2;

    private DataPath(string[] segments)
    {
        // The data's keys come from the same table, so that lookups match by reference.
        _segments = [.. segments.Select(KeyNames.Canonical)];
        _indices = [.. segments.Select(ParseIndex)];
        _hints = new int[segments.Length];
        _count = segments.Length;
        if (_count is > 0 and <= 3)
        {
            _s0 = _segments[0];
            _i0 = _indices[0];
            if (_count > 1)
            {
                _s1 = _segments[1];
                _i1 = _indices[1];
            }

            if (_count > 2)
            {
                _s2 = _segments[2];
                _i2 = _indices[2];
            }
        }
    }

    public bool IsWhole => _segments.Length == 0;

    /// <summary>The segments, as canonical keys.</summary>
    public ReadOnlySpan<string> Segments => _segments;

    /// <summary>Each segment as an array index, or -1.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>JavaScript String(key).split("."), where null and "" mean the whole data.</summary>
    public static DataPath Of(in JsVal key)
    {
        if (key.Type == JsType.Null)
        {
            return Whole;
        }

        var text = key.ToJsString();
        return text.Length == 0 && key.Type == JsType.String ? Whole : new DataPath(text.Split('.'));
    }

    /// <summary>
    /// Walks the path. A property that exists with a null value is found (its value is null);
    /// a property that does not exist, or a step through anything but an object or array, is not found.
    /// </summary>
    public bool TryResolve(in JsVal data, out JsVal value)
    {
        ref readonly var found = ref Find(data);
        if (Unsafe.IsNullRef(in found))
        {
            value = JsVal.Null;
            return false;
        }

        value = found;
        return true;
    }

    /// <summary>The value at the path, in place (no copy), or a null reference when the path does not resolve.</summary>
    public ref readonly JsVal Find(in JsVal data)
    {
        switch (_count)
        {
            case 0:
                return ref data;
            case 1:
                return ref Step(data, _s0!, _i0, ref _h0);
            case 2:
            {
                ref readonly var first = ref Step(data, _s0!, _i0, ref _h0);
                return ref Unsafe.IsNullRef(in first) ? ref first : ref Step(first, _s1!, _i1, ref _h1);
            }

            case 3:
            {
                ref readonly var first = ref Step(data, _s0!, _i0, ref _h0);
                if (Unsafe.IsNullRef(in first))
                {
                    return ref first;
                }

                ref readonly var second = ref Step(first, _s1!, _i1, ref _h1);
                return ref Unsafe.IsNullRef(in second) ? ref second : ref Step(second, _s2!, _i2, ref _h2);
            }

            default:
                return ref FindLong(data);
        }
    }

    // One segment of the walk: what Find does for paths of any length.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref readonly JsVal Step(in JsVal value, string segment, int index, scoped ref int hint)
    {
        if (value.IsObject)
        {
            var obj = Unsafe.As<LogicObject>(value.Ref!);
            var at = obj.IndexOf(segment, hint);
            if (at < 0)
            {
                return ref Unsafe.NullRef<JsVal>();
            }

            // A racy write of an int, only when the guess was wrong: another thread's hint is as good as ours.
            if (at != hint)
            {
                hint = at;
            }

            return ref obj.ValueAt(at);
        }

        if (value.IsArray)
        {
            var array = Unsafe.As<LogicArray>(value.Ref!);
            if ((uint)index < (uint)array.Count)
            {
                return ref array[index];
            }
        }

        return ref Unsafe.NullRef<JsVal>();
    }

    private ref readonly JsVal FindLong(in JsVal data)
    {
        var segments = _segments;
        ref readonly var value = ref data;
        for (var i = 0; i < segments.Length; i++)
        {
            var current = value.Ref;
            if (current is LogicObject obj)
            {
                var at = obj.IndexOf(segments[i], _hints[i]);
                if (at < 0)
                {
                    return ref Unsafe.NullRef<JsVal>();
                }

                // A racy write of an int: another thread's hint is as good a guess as ours.
                _hints[i] = at;
                value = ref obj.ValueAt(at);
            }
            else if (current is LogicArray array && (uint)_indices[i] < (uint)array.Count)
            {
                value = ref array[_indices[i]];
            }
            else
            {
                return ref Unsafe.NullRef<JsVal>();
            }
        }

        return ref value;
    }

    private static int ParseIndex(string segment)
    {
        if (segment.Length == 0 || (segment.Length > 1 && segment[0] == '0'))
        {
            return -1;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }
        }

        return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
    }
}
