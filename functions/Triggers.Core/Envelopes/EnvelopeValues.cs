using System.Text.Json;

namespace Triggers.Core.Envelopes;

/// <summary>Typed reads of JSON values that report what was expected instead of throwing.</summary>
internal sealed class EnvelopeValues(EnvelopeErrors errors)
{
    public EnvelopeErrors Errors { get; } = errors;

    /// <summary>
    /// The object's properties by name. Names outside <paramref name="allowed"/> are reported (they are
    /// usually typos of an optional property that would otherwise be silently lost), as are repeats.
    /// </summary>
    public Dictionary<string, JsonElement> Properties(JsonElement obj, string path, IReadOnlyList<string> allowed)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var at = EnvelopePath.Property(path, property.Name);
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                Errors.Add(at, Unknown(property.Name, allowed));
            }
            else if (!properties.TryAdd(property.Name, property.Value))
            {
                Errors.Add(at, "appears more than once; give each property once");
            }
        }

        return properties;
    }

    /// <summary>The string, or null once the reason there is none (missing, not a string) is reported.</summary>
    public string? Required(Dictionary<string, JsonElement> properties, string path, string name, string expected)
    {
        if (!properties.TryGetValue(name, out var value))
        {
            Errors.Add(EnvelopePath.Property(path, name), $"is required: {expected}");
            return null;
        }

        return String(value, EnvelopePath.Property(path, name), expected);
    }

    /// <summary>The string, or null when absent, JSON null, or reported as not a string.</summary>
    public string? Optional(Dictionary<string, JsonElement> properties, string path, string name, string expected) =>
        properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? String(value, EnvelopePath.Property(path, name), expected)
            : null;

    public string? String(JsonElement value, string at, string expected)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(at, $"expected {expected}, got {Describe(value)}");
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            Errors.Add(at, "is not valid text (invalid UTF-8, or an escaped surrogate without its pair)");
            return null;
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    public static string Shorten(string text, int max = 40) => text.Length > max ? text[..max] + "…" : text;

    public static int CountCharacters(string text) => text.EnumerateRunes().Count();

    private static string Unknown(string name, IReadOnlyList<string> allowed)
    {
        var hint = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        var expected = string.Join(", ", allowed);
        return hint is null
            ? $"is not a known property; expected only {expected}"
            : $"is not a known property (names are case-sensitive: did you mean '{hint}'?); expected only {expected}";
    }
}
