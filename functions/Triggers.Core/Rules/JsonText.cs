using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.Core.Rules;

/// <summary>Parses JSON typed by a person, and describes what went wrong where in their terms (line, character).</summary>
internal static class JsonText
{
    public static bool TryParse(string text, out JsonNode? node, out string error)
    {
        try
        {
            node = JsonNode.Parse(text);
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            node = null;
            error = Describe(text, e);
            return false;
        }
    }

    /// <summary>"a string", "an object"... for messages about values of the wrong kind.</summary>
    public static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "an unknown value",
    };

    private static string Describe(string text, JsonException e)
    {
        // The parser's message ends with its own zero-based, byte-counted location; say it in lines and characters instead.
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        message = (cut < 0 ? message : message[..cut]).TrimEnd();
        if (e.LineNumber is not { } line || e.BytePositionInLine is not { } bytePosition)
        {
            return message;
        }

        return $"at line {line + 1}, character {CharacterColumn(text, line, bytePosition)}: {message}";
    }

    private static long CharacterColumn(string text, long line, long bytePosition)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytePosition + 1;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }
}
