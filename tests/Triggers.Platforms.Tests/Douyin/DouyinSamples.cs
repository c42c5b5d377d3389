namespace Triggers.Platforms.Tests.Douyin;

/// <summary>
/// Bodies from Douyin's docs (shared/data/payloads/douyin and shared/reference/platforms.md §4a, which copy the
/// official pages and SKIT test samples), byte for byte where a signature depends on them.
/// </summary>
internal static class DouyinSamples
{
    /// <summary>The body hashed in the official Go example.</summary>
    public const string VerifyWebhook = """{"event":"verify_webhook","client_key":"abc","content":{"challenge":12345}}""";

    /// <summary>
    /// SHA1("test_secret" ‖ <see cref="VerifyWebhook"/>), computed with Python's hashlib; self-computed, not official
    /// (the doc's example uses the secret "***").
    /// </summary>
    public const string VerifyWebhookSignature = "ff779a3b9e9daa2d1484d22450cd02e9fcfc4e62";

    /// <summary>shared/data/payloads/douyin/life_trade_order_notify.json, exactly (342 bytes, no final newline).</summary>
    public const string LifeTradeOrderNotify = """{ "event": "life_trade_order_notify", "client_key": "axxxxxxxxxxxxx", "content": "{\"action\": \"pay_success\",\"msg_time\": 1665991178,\"order\": {\"order_id\": \"123\",\"pay_amount\": 1, \"original_amount\": 1, \"account_id\": \"123\",\"create_time\": 1665991178,\"pay_time\": 1665991178}}", "log_id": "202210101930530102281180650970B5AF" }""";

    /// <summary>SHA1("test_secret" ‖ the file's bytes), computed with Python's hashlib over the shared file.</summary>
    public const string LifeTradeOrderNotifySignature = "ef452fdb7e1c2aee7dee90bfc7cd08de6ff6cf5c";

    /// <summary>The SKIT im_receive_msg sample on one line (user_infos left out).</summary>
    public const string ImReceiveMsg = """{"event":"im_receive_msg","client_key":"asdfavetgbvasf","from_user_id":"aaa-ae9b-4dbf-add1-bf67e4093fab","to_user_id":"aaa-7ae0-4399-914a-5eb1df5861ba","content":{"conversation_short_id":"@9Vxc1/yDU8sqaS+gN4koEc7912foPPiLPZVyrQmgKVQabPH460zdRmYqig357zEBMaXjKvvhvwY02ISB7llsWQ==","server_message_id":"@9Vxc1/yDU8sqaS+gN4koEc7912foPPyAPpF2rgykLFgbafb560zdRmYqig357zEBmWXVPshhwyd/y/7BQpXy/w==","conversation_type":1,"create_time":1681303285997,"message_type":"text","source":"","scene_type":100,"text":"捷途70"}}""";

    /// <summary>SHA1("test_secret" ‖ UTF-8 of <see cref="ImReceiveMsg"/>), computed with Python's hashlib.</summary>
    public const string ImReceiveMsgSignature = "1040c35c2831fbe54f7eb59f3294c43b68769c32";

    /// <summary>The official new_follow_action example (content is a JSON string).</summary>
    public const string NewFollowAction = """{ "event": "new_follow_action", "client_key": "awr8bfr64vxgk036", "from_user_id": "5bfa0218-477c-4d51-865c-64f0588794a6", "to_user_id": "e3af6e1d-d83a-4116-8f9f-5cb8ac2413c7", "content": "{\"action_type\":1,\"action_time\":1686811643}", "log_id": "202306151447300000000000005369C6D" }""";

    /// <summary>The SKIT item_comment_reply sample with its blank ids filled in.</summary>
    public const string ItemCommentReply = """{"event":"item_comment_reply","from_user_id":"u-author","to_user_id":"u-owner","client_key":"","content":{"comment_id":"c-1","comment_user_id":"u-commenter","content":"这个颜色还有货吗","create_time":1686811643,"digg_count":0,"reply_comment_total":1,"reply_to_comment_id":"","reply_to_item_id":"@9VxT0uuFWsE7M3Koc4olFM791WbsNPGKOp1wrgiiJ1ERbfD060zdRmYqig357zEB1tSgbExoci7R0e1yFxAIMw==","at_user_id":""}}""";
}
