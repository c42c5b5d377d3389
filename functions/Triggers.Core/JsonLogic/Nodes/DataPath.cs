using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic.Values;

namespace Triggers.Core.JsonLogic.Nodes;

/// <summary>The dotted paths of <c>var</c> and <c>missing</c>: "a.b", "items.0.sku"; "" or null is the whole data.</summary>
internal static class DataPath
{
    /// <summary>null means the whole data.</summary>
    public static string[]? Split(JsonNode? key)
    {
        if (key is null)
        {
            return null;
        }

        var text = JsPrimitive.ToJsString(key);
        if (text.Length == 0 && JsValue.TypeOf(key) == JsType.String)
        {
            return null;
        }

        return text.Split('.');
    }

    /// <summary>null means the whole data.</summary>
    public static string[]? Split(in JsVal key)
    {
        if (key.Type == JsType.Null && key.Ref is null)
        {
            return null;
        }

        var text = key.ToJsString();
        if (text.Length == 0 && key.Type == JsType.String)
        {
            return null;
        }

        return text.Split('.');
    }

    /// <summary>
    /// Walks the path. A property that exists with a null value is found (its value is null);
    /// a property that does not exist, or a step through null, is not found.
    /// </summary>
    public static bool TryResolve(JsonNode? data, string[]? segments, out JsonNode? value)
    {
        value = data;
        if (segments is null)
        {
            return true;
        }

        foreach (var segment in segments)
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    value = child;
                    break;
                case JsonArray array when TryParseIndex(segment, out var index) && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    // Only canonical array indices ("0", "12"), as JavaScript property keys: "01" is not index 1.
    private static bool TryParseIndex(string segment, out int index)
    {
        index = -1;
        if (segment.Length == 0 || (segment.Length > 1 && segment[0] == '0'))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
