using System.Globalization;
using System.Text.Json;

namespace Triggers.Platforms.Bilibili;

/// <summary>
/// One live open-platform message, <c>{"cmd": "...", "data": {...}}</c>, with its data's scalar fields as
/// text (numbers keep their JSON spelling, so a uid of 3102384 reads "3102384").
/// </summary>
public sealed class BilibiliMessage
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    private readonly Dictionary<string, string> fields;
    private readonly Dictionary<string, string> userInfo;

    private BilibiliMessage(string text, string cmd, Dictionary<string, string> fields, Dictionary<string, string> userInfo)
    {
        Text = text;
        Cmd = cmd;
        this.fields = fields;
        this.userInfo = userInfo;
    }

    public string Text { get; }

    public string Cmd { get; }

    /// <summary>A scalar field of <c>data</c>, or null when absent, empty, null or not a scalar.</summary>
    public string? Field(string name) => fields.GetValueOrDefault(name);

    /// <summary>A scalar field of <c>data.user_info</c> (guard messages put the user there).</summary>
    public string? UserInfo(string name) => userInfo.GetValueOrDefault(name);

    /// <exception cref="PayloadFormatException">Not JSON, no cmd string, or data is not an object.</exception>
    public static BilibiliMessage Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PayloadFormatException("body is not a JSON object; expected a live open-platform message {\"cmd\": \"...\", \"data\": {...}}");
            }

            if (!root.TryGetProperty("cmd", out var cmd) || cmd.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(cmd.GetString()))
            {
                throw new PayloadFormatException("body has no cmd string; expected a live open-platform message such as {\"cmd\": \"LIVE_OPEN_PLATFORM_DM\", \"data\": {...}}");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new PayloadFormatException($"body field data is missing or not an object (cmd {Shorten(cmd.GetString()!)})");
            }

            var userInfo = data.TryGetProperty("user_info", out var info) && info.ValueKind == JsonValueKind.Object ? Scalars(info) : [];
            return new BilibiliMessage(text, cmd.GetString()!, Scalars(data), userInfo);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
            throw new PayloadFormatException(string.Create(
                CultureInfo.InvariantCulture, $"body is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {reason}"), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new PayloadFormatException("body contains text that is not valid (an escaped surrogate without its pair)", ex);
        }
    }

    private static Dictionary<string, string> Scalars(JsonElement obj)
    {
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (!string.IsNullOrEmpty(value) && !scalars.TryAdd(property.Name, value))
            {
                throw new PayloadFormatException($"body field data.{Shorten(property.Name)} appears more than once");
            }
        }

        return scalars;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
