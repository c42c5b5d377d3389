namespace Triggers.Platforms.Douyin;

/// <summary>Reads the envelope every Douyin push shares: event, client_key, from/to user, content, log_id.</summary>
public static class DouyinPayloadReader
{
    /// <exception cref="PayloadFormatException">Not a JSON object, no event name, or a content that is neither an object nor a JSON string holding one.</exception>
    public static DouyinPayload Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PayloadFormatException("body is empty; Douyin pushes a JSON object");
        }

        var root = DouyinJson.ParseObject(text, "body");
        var eventName = DouyinJson.Text(root, "event")
            ?? throw new PayloadFormatException("body has no event field (a non-empty string such as im_receive_msg)");

        return new DouyinPayload(
            text,
            eventName,
            DouyinJson.Text(root, "client_key"),
            DouyinJson.Text(root, "from_user_id"),
            DouyinJson.Text(root, "to_user_id"),
            DouyinJson.Text(root, "log_id"),
            DouyinJson.Nested(root, "content", "field content"));
    }
}
