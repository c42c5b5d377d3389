using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Kuaishou;

/// <summary>Reads a Kuaishou push envelope; <c>data</c> may be an object or a JSON string holding one.</summary>
public static class KuaishouPayloadReader
{
    /// <exception cref="PayloadFormatException">Not a JSON object, no event, a timestamp that is not unix time, or a malformed data field.</exception>
    public static KuaishouEnvelope Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PayloadFormatException("body is empty; Kuaishou pushes a JSON object");
        }

        var root = DouyinJson.ParseObject(text, "body");
        var eventName = DouyinJson.Text(root, "event")
            ?? throw new PayloadFormatException("body has no event field (a non-empty string naming the event)");

        return new KuaishouEnvelope(
            text,
            root,
            eventName,
            DouyinJson.Text(root, "message_id"),
            DouyinJson.Text(root, "app_id"),
            DouyinJson.Text(root, "timestamp"),
            DouyinJson.Time(root, "timestamp", "body"),
            DouyinJson.Nested(root, "data", "field data"));
    }
}
