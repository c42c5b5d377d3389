using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>
/// WeCom sends only <c>msg_signature</c> = SHA1(sort(token, timestamp, nonce, X)), where X is the encrypted
/// echostr on GET and the Encrypt field on POST; then the decrypted receive id must be this channel's.
/// </summary>
internal static class WeComVerifier
{
    public static WebhookRejected? Required(WebhookRequest request, params ReadOnlySpan<string> others) =>
        WeChatVerifier.RequireSigned(request, "msg_signature", others);

    public static WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, WeComOptions options, string coveredName, string coveredValue) =>
        WeChatVerifier.Verify(request, channel, options.Token, "msg_signature", (coveredName, coveredValue), WeComOptions.Console);

    /// <summary>A 403 when the message was encrypted for another corp or suite; the configured id is never echoed.</summary>
    public static WebhookRejected? CheckReceiveId(WeChatPlaintext plaintext, ChannelSettings channel, WeComOptions options)
    {
        if (string.Equals(plaintext.ReceiveId, options.ReceiveId, StringComparison.Ordinal))
        {
            return null;
        }

        var received = plaintext.ReceiveId.Length > 40 ? plaintext.ReceiveId[..40] + "…" : plaintext.ReceiveId;
        return new WebhookRejected(403,
            $"message was encrypted for receive id '{received}', which is not this channel's {options.ReceiveIdSetting}; set " +
            $"{channel.SettingPath(options.ReceiveIdSetting)} to the id WeCom encrypts for (a self-built app's CorpID; a third-party suite's SuiteID " +
            $"in {channel.SettingPath(WeComOptions.SuiteId)})");
    }
}
