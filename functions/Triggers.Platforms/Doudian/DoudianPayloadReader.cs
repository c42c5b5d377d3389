using System.Globalization;
using System.Text.Json;
using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Doudian;

/// <summary>
/// Reads a 抖店 push: a JSON array of <c>{"tag", "msg_id" (or "msgId"), "data"}</c>. Every message is checked
/// before any is returned, so a push is either wholly readable or refused.
/// </summary>
public static class DoudianPayloadReader
{
    /// <exception cref="PayloadFormatException">The body is not a non-empty array, or any message lacks a tag, msg_id or data object.</exception>
    public static IReadOnlyList<DoudianMessage> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PayloadFormatException("body is empty; 抖店 pushes a JSON array of messages");
        }

        var root = DouyinJson.Parse(text, "body");
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new PayloadFormatException($"body is {DouyinJson.Describe(root.ValueKind)}, not the JSON array of messages 抖店 pushes");
        }

        var messages = new List<DoudianMessage>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            messages.Add(ReadMessage(element, messages.Count));
        }

        return messages.Count > 0 ? messages : throw new PayloadFormatException("body is an empty array; a push carries at least one message");
    }

    private static DoudianMessage ReadMessage(JsonElement element, int index)
    {
        var where = $"message [{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadFormatException($"{where} is {DouyinJson.Describe(element.ValueKind)}, not an object");
        }

        var tagText = DouyinJson.Text(element, "tag")
            ?? throw new PayloadFormatException($"{where} has no tag (a number such as 110, or its digits as a string)");
        if (!int.TryParse(tagText, NumberStyles.None, CultureInfo.InvariantCulture, out var tag))
        {
            throw new PayloadFormatException($"{where} tag '{(tagText.Length > 12 ? tagText[..12] + "…" : tagText)}' is not a non-negative whole number");
        }

        var msgId = DouyinJson.Text(element, "msg_id") ?? DouyinJson.Text(element, "msgId")
            ?? throw new PayloadFormatException($"{where} has no msg_id (or msgId), the id 抖店 dedupes on");

        var data = DouyinJson.Nested(element, "data", $"{where} data")
            ?? throw new PayloadFormatException($"{where} has no data (an object, or a JSON string holding one)");

        return new DoudianMessage(index, tag, msgId, data, element.GetRawText());
    }
}
