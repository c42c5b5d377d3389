using System.Globalization;
using System.Text.Json;

namespace Triggers.Platforms.Douyin;

/// <summary>
/// Small, total JSON helpers: every malformed shape becomes a <see cref="PayloadFormatException"/> that says
/// where, never another exception. Shared by the Douyin, 抖店 and Kuaishou adapters, whose pushes all nest
/// JSON strings inside JSON.
/// </summary>
internal static class DouyinJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="text"/>, which must be a JSON object; the result outlives any document.</summary>
    public static JsonElement ParseObject(string text, string what)
    {
        var root = Parse(text, what);
        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new PayloadFormatException($"{what} is JSON but not an object (it is {Describe(root.ValueKind)})");
    }

    /// <summary>Parses any JSON value, refusing duplicate property names and deep nesting.</summary>
    public static JsonElement Parse(string text, string what)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new PayloadFormatException($"{what} is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {reason}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The duplicate-name check decodes property names and throws this for a lone surrogate escape.
            throw new PayloadFormatException($"{what} has a property name that is not valid UTF-16 (a lone surrogate escape)", ex);
        }

        JsonTextCheck.Strings(root, what);
        return root;
    }

    /// <summary>
    /// A field that holds an object either directly or as a JSON string to parse a second time (Douyin's
    /// <c>content</c>); null when absent, null or an empty string.
    /// </summary>
    public static JsonElement? Nested(JsonElement parent, string name, string what)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => value,
            JsonValueKind.Null => null,
            JsonValueKind.String when string.IsNullOrWhiteSpace(value.GetString()) => null,
            JsonValueKind.String => ParseObject(value.GetString()!, $"{what} (a JSON string)"),
            _ => throw new PayloadFormatException($"{what} is {Describe(value.ValueKind)}; expected an object or a JSON string holding one"),
        };
    }

    /// <summary>A string or number field as text; null when absent, empty or of another type.</summary>
    public static string? Text(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => string.IsNullOrEmpty(value.GetString()) ? null : value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>An object-valued field, or null.</summary>
    public static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>
    /// A unix time in seconds or milliseconds (Douyin uses both: IM create_time is ms, follow action_time is s);
    /// values from 10^11 up are taken as milliseconds. Null when absent.
    /// </summary>
    public static DateTimeOffset? Time(JsonElement? parent, string name, string where)
    {
        if (Text(parent, name) is not { } text)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new PayloadFormatException($"{where}.{name} '{(text.Length > 24 ? text[..24] + "…" : text)}' is not a unix time in seconds or milliseconds");
        }

        return value >= 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "empty",
    };
}
