using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic;

/// <summary>
/// Condition data built straight into the evaluator's form, without a JsonNode in between (what
/// <see cref="JsonLogicData(JsonNode)"/> reads): <see cref="Rules.ConditionData.BuildLogicData"/> uses it. Values are
/// made as reading the equivalent JsonNode would make them (numbers as doubles, short strings shared), and objects
/// with the same keys share a shape, so the result evaluates exactly as the JsonNode path does.
/// </summary>
internal static class LogicDataBuilder
{
    /// <summary>The shared instance of a key (see <see cref="KeyNames"/>): fixed keys are looked up once, in a static.</summary>
    public static string Key(string name) => KeyNames.Canonical(name);

    /// <summary>The shared shape of an object with these keys, in this order (fixed layouts keep it in a static).</summary>
    public static ObjectShape Shape(params string[] names) => ObjectShape.For([.. names.Select(Key)]);

    public static JsVal String(string? value) => value is null ? JsVal.Null : StringValues.Of(value);

    public static JsVal Number(double value) => JsVal.Number(value);

    public static JsVal Boolean(bool value) => JsVal.Boolean(value);

    /// <summary>An object of a fixed shape; takes ownership of <paramref name="values"/> (one per key, in order).</summary>
    public static JsVal Object(ObjectShape shape, JsVal[] values) => JsVal.Object(new LogicObject(shape, values));

    public static JsVal Strings(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return JsVal.Array(LogicArray.Empty);
        }

        var values = new JsVal[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = String(items[i]);
        }

        return JsVal.Array(new LogicArray(values));
    }

    /// <summary>A JSON value read as <see cref="JsonLogicData(JsonNode)"/> reads it (contact data from storage).</summary>
    public static JsVal FromNode(JsonNode? node) => JsonConversion.FromNode(node);

    public static JsonLogicData Data(in JsVal value) => new(value);
}

/// <summary>
/// An object whose keys are only known at run time (attributes, topics), with JsonObject's semantics: setting a key
/// that is there replaces its value in place, a new key goes last.
/// </summary>
internal sealed class LogicObjectBuilder(int capacity = 4)
{
    private string[] _keys = new string[Math.Max(capacity, 1)];
    private JsVal[] _values = new JsVal[Math.Max(capacity, 1)];
    private int _count;

    public int Count => _count;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public LogicObjectBuilder Set(string key, in JsVal value)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            _values[at] = value;
            return this;
        }

        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _keys[_count] = LogicDataBuilder.Key(key);
        _values[_count] = value;
        _count++;
        return this;
    }

    /// <summary>The object (an empty one is the shared empty object, as when read from a JsonNode).</summary>
    public JsVal Build()
    {
        if (_count == 0)
        {
            return JsVal.Object(LogicObject.Empty);
        }

        var keys = _keys.AsSpan(0, _count).ToArray();
        var values = _values.Length == _count ? _values : _values.AsSpan(0, _count).ToArray();
        return JsVal.Object(new LogicObject(ObjectShape.For(keys), values));
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key))
            {
                return i;
            }
        }

        return -1;
    }
}
