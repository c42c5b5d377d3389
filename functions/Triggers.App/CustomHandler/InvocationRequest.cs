using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Triggers.App.CustomHandler;

/// <summary>
/// The Functions host's invocation envelope, <c>{"Data":{…},"Metadata":{…}}</c>. The host JSON-encodes
/// binding values that are not objects, sometimes twice (strings arrive as <c>"\"abc\""</c>, numbers as
/// <c>"5"</c>), so every read unwraps defensively.
/// </summary>
public sealed class InvocationRequest(JsonObject data, JsonObject metadata)
{
    public static InvocationRequest Parse(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The invocation body is not JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject envelope)
        {
            throw new FormatException("The invocation body must be a JSON object with Data and Metadata.");
        }

        return new InvocationRequest(
            envelope["Data"] as JsonObject ?? [],
            envelope["Metadata"] as JsonObject ?? []);
    }

    /// <summary>A trigger or input value as text: the queue message, for example.</summary>
    public string? DataText(string name) => Unwrap(data[name]);

    public string? MetadataText(string name) => Unwrap(metadata[name]);

    public long? MetadataInt64(string name) =>
        long.TryParse(MetadataText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal static string? Unwrap(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                // A string that is itself a JSON string literal was encoded twice.
                if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                {
                    try
                    {
                        return JsonSerializer.Deserialize<string>(text) ?? text;
                    }
                    catch (JsonException)
                    {
                        return text;
                    }
                }

                return text;
            case JsonValue value:
                return value.ToJsonString();
            default:
                // The host parsed a JSON message into an object: hand back its JSON text.
                return node.ToJsonString();
        }
    }
}
