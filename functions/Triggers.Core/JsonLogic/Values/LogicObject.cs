using System.Runtime.CompilerServices;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// An immutable JavaScript object: the evaluator's form of a JSON object, a shared <see cref="ObjectShape"/> (the
/// keys) and its own values. Condition data objects have a handful of keys, so a lookup scans the keys, which match
/// by reference first (string.Equals); larger shapes also have a dictionary.
/// </summary>
internal sealed class LogicObject
{
    public static readonly LogicObject Empty = new(ObjectShape.Empty, []);

    // The shape's keys and dictionary, copied in so that a lookup reads one object less.
    private readonly string[] _keys;
    private readonly Dictionary<string, int>? _index;
    private readonly JsVal[] _values;

    /// <summary>Takes ownership of <paramref name="values"/> (one per key of the shape): the caller must not change it afterwards.</summary>
    public LogicObject(ObjectShape shape, JsVal[] values)
    {
        _keys = shape.Keys;
        _index = shape.Index;
        _values = values;
    }

    public int Count => _values.Length;

    public ReadOnlySpan<string> Keys => _keys;

    public ReadOnlySpan<JsVal> Values => _values;

    public bool TryGet(string key, out JsVal value)
    {
        var at = IndexOf(key, -1);
        value = at < 0 ? JsVal.Null : _values[at];
        return at >= 0;
    }

    /// <summary>
    /// Where the key is, or -1. <paramref name="hint"/> is where the caller found it last time: objects of the same
    /// shape (every signal's data) keep their keys in the same order, so it is usually right and saves the scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(string key, int hint)
    {
        // Keys are canonical instances, so the guess is usually confirmed by reference alone.
        var keys = _keys;
        if ((uint)hint < (uint)keys.Length && ReferenceEquals(keys[hint], key))
        {
            return hint;
        }

        return Search(key);
    }

    private int Search(string key)
    {
        var keys = _keys;

        if (_index is { } index)
        {
            return index.TryGetValue(key, out var at) ? at : -1;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (string.Equals(keys[i], key))
            {
                return i;
            }
        }

        return -1;
    }

    public ref readonly JsVal ValueAt(int index) => ref _values[index];
}
