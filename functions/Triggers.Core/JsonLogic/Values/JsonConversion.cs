using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.JsonLogic.Values;

/// <summary>
/// Between System.Text.Json nodes and the evaluator's values: data and literals come in once (strings and numbers
/// decoded, objects and arrays copied into immutable form); results go out as new nodes the caller owns.
/// </summary>
internal static class JsonConversion
{
    public static JsVal FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsVal.Null;
            case JsonObject obj:
                return JsVal.Object(FromObject(obj));
            case JsonArray array:
                if (array.Count == 0)
                {
                    return JsVal.Array(LogicArray.Empty);
                }

                var items = new JsVal[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromNode(array[i]);
                }

                return JsVal.Array(new LogicArray(items));
            case JsonValue value:
                return FromValue(value);
            default:
                return JsVal.Object(LogicObject.Empty);
        }
    }

    private static LogicObject FromObject(JsonObject obj)
    {
        if (obj.Count == 0)
        {
            return LogicObject.Empty;
        }

        // By index (no enumerator to allocate), twice: keys first, values after the object is made.
        var keys = new string[obj.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyNames.Canonical(obj.GetAt(i).Key);
        }

        // The object and its values allocated together, before the children, so that they share cache lines; the
        // values are filled in before anyone else sees the object.
        var values = new JsVal[keys.Length];
        var result = new LogicObject(ObjectShape.For(keys), values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = FromNode(obj.GetAt(i).Value);
        }

        return result;
    }

    private static JsVal FromValue(JsonValue value)
    {
        // The common CLR-backed cases first: they need no JsonElement and no kind lookup.
        if (value.TryGetValue(out string? text))
        {
            return StringValues.Of(text);
        }

        if (value.TryGetValue(out double number))
        {
            return JsVal.Number(number);
        }

        if (value.TryGetValue(out int int32))
        {
            return JsVal.Number(int32);
        }

        if (value.TryGetValue(out bool flag))
        {
            return JsVal.Boolean(flag);
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => JsVal.True,
            JsonValueKind.False => JsVal.False,
            JsonValueKind.Number => JsVal.Number(JsValue.GetNumber(value)),
            JsonValueKind.String => StringValues.Of(JsValue.GetString(value)),
            JsonValueKind.Null or JsonValueKind.Undefined => JsVal.Null,

            // A JsonValue wrapping an object or array (built from a JsonElement): read it as a node.
            _ => FromNode(JsonNode.Parse(value.ToJsonString())),
        };
    }

    /// <summary>The value as a new node the caller owns; NaN and the infinities become null and -0 becomes 0, as JSON.stringify writes them.</summary>
    public static JsonNode? ToNode(in JsVal value)
    {
        switch (value.Type)
        {
            case JsType.Boolean:
                return JsonValue.Create(value.Num != 0);
            case JsType.Number:
                if (!double.IsFinite(value.Num))
                {
                    return null;
                }

                return JsonValue.Create(value.Num == 0 ? 0d : value.Num);
            case JsType.String:
                return JsonValue.Create((string)value.Ref!);
            case JsType.Array:
                var array = new JsonArray();
                foreach (var item in ((LogicArray)value.Ref!).Items)
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsType.Object:
                var obj = (LogicObject)value.Ref!;
                var result = new JsonObject();
                for (var i = 0; i < obj.Count; i++)
                {
                    result[obj.Keys[i]] = ToNode(obj.Values[i]);
                }

                return result;
            default:
                return null;
        }
    }
}
