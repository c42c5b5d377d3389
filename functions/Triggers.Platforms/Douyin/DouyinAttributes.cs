namespace Triggers.Platforms.Douyin;

/// <summary>The Douyin fields a signal keeps beyond the common shape.</summary>
internal static class DouyinAttributes
{
    // Content fields worth keeping, by the attribute name they are kept under (the first present wins).
    private static readonly (string Attribute, string Field)[] KeptContent =
    [
        ("conversationId", "conversation_short_id"), ("serverMessageId", "server_message_id"), ("messageType", "message_type"),
        ("commentId", "comment_id"), ("replyToCommentId", "reply_to_comment_id"), ("itemId", "reply_to_item_id"),
        ("itemId", "item_id"), ("actionType", "action_type"), ("action", "action"),
    ];

    public static Dictionary<string, string> Of(DouyinPayload payload, string? messageId)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, "msgId", messageId);
        Add(attributes, "logId", payload.LogId);
        Add(attributes, "clientKey", payload.ClientKey);
        Add(attributes, "toUserId", payload.ToUserId);
        foreach (var (attribute, field) in KeptContent)
        {
            Add(attributes, attribute, DouyinJson.Text(payload.Content, field));
        }

        // life_trade_order_notify: amounts are in fen.
        var order = DouyinJson.Object(payload.Content, "order");
        Add(attributes, "orderId", DouyinJson.Text(order, "order_id"));
        Add(attributes, "amount", DouyinJson.Text(order, "pay_amount"));
        Add(attributes, "accountId", DouyinJson.Text(order, "account_id"));
        return attributes;
    }

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes.TryAdd(name, value);
        }
    }
}
