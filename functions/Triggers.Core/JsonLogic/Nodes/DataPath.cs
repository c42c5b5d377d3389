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

    private DataPath(string[] segments)
    {
        // The data's keys come from the same table, so that lookups match by reference.
        _segments = [.. segments.Select(KeyNames.Canonical)];
        _indices = [.. segments.Select(ParseIndex)];
        _hints = new int[segments.Length];
    }

    public bool IsWhole => _segments.Length == 0;

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
