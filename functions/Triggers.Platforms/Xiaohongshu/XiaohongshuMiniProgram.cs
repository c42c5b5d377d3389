using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>
/// The mini-program / 专业号 message push, which the Xiaohongshu docs describe in WeChat's words: GET echo with
/// SHA1(sort(token, timestamp, nonce)); POST bodies always ciphertext, taken here to be WXBizMsgCrypt with
/// msg_signature over the Encrypt field (INFERRED, not confirmed by an official vector).
/// </summary>
internal static class XiaohongshuMiniProgram
{
    public static WebhookOutcome VerifyUrl(WebhookRequest request, ChannelSettings channel, XiaohongshuOptions options)
    {
        if (QueryParameters.RequireAll(request.Query, "signature", "timestamp", "nonce", "echostr") is { } missing)
        {
            return missing;
        }

        if (options.Token is null)
        {
            return NotConfigured(channel);
        }

        var (signature, timestamp, nonce) = (Query(request, "signature"), Query(request, "timestamp"), Query(request, "nonce"));
        if (!WeChatSignature.Matches(signature, options.Token, timestamp, nonce))
        {
            return new WebhookRejected(401, $"signature does not match; check that {channel.SettingPath(ChannelSecrets.Token)} equals the Token in the Xiaohongshu console");
        }

        return CheckTimestamp(request, channel, timestamp) ?? (WebhookOutcome)new WebhookChallenge(Query(request, "echostr"), "text/plain");
    }

    public static WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, XiaohongshuOptions options)
    {
        if (QueryParameters.Get(request.Query, "msg_signature") is null)
        {
            // The plain signature covers only token, timestamp and nonce, never the body.
            return new WebhookRejected(401, "missing query parameter msg_signature: mini-program pushes are always encrypted and signed over the Encrypt field");
        }

        if (QueryParameters.RequireAll(request.Query, "timestamp", "nonce") is { } missing)
        {
            return missing with { StatusCode = 401 };
        }

        if (options.Token is null || options.Crypto is null || options.AppId is null)
        {
            return NotConfigured(channel);
        }

        var envelope = WeChatPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span), "body");
        var encrypt = envelope.Field("Encrypt")
            ?? throw new PayloadFormatException("body has no Encrypt field; mini-program pushes are always ciphertext {\"Encrypt\": \"...\"}");

        var timestamp = Query(request, "timestamp");
        if (!WeChatSignature.Matches(Query(request, "msg_signature"), options.Token, timestamp, Query(request, "nonce"), encrypt))
        {
            return new WebhookRejected(401, $"msg_signature does not match the Encrypt field; check that {channel.SettingPath(ChannelSecrets.Token)} equals the Token in the Xiaohongshu console");
        }

        if (CheckTimestamp(request, channel, timestamp) is { } stale)
        {
            return stale;
        }

        var plaintext = options.Crypto.Decrypt(encrypt);
        if (!string.Equals(plaintext.ReceiveId, options.AppId, StringComparison.Ordinal))
        {
            return new WebhookRejected(403, $"message was encrypted for another app id, not this channel's {channel.SettingPath(ChannelSecrets.AppId)}");
        }

        var payload = WeChatPayloadReader.Read(plaintext.Message, "decrypted message");
        WeChatEnvelope.EnsureMatches(envelope, payload);
        var signal = WeChatNormaliser.ToSignal(payload, channel, request.ReceivedAt) with { Platform = XiaohongshuAdapter.PlatformName };
        return new WebhookAccepted([signal], XiaohongshuReplies.MiniProgramSuccess);
    }

    private static WebhookRejected? CheckTimestamp(WebhookRequest request, ChannelSettings channel, string timestamp) =>
        ReplayGuard.TryParseUnixSeconds(timestamp, out var signedAt)
            ? ReplayGuard.Check(timestamp, signedAt, request.ReceivedAt, channel.ReplayWindow)
            : new WebhookRejected(400, $"query parameter timestamp '{(timestamp.Length > 20 ? timestamp[..20] + "…" : timestamp)}' is not unix seconds");

    private static WebhookRejected NotConfigured(ChannelSettings channel) =>
        new(401, $"this is a mini-program / 专业号 push but channel {channel.Name} has no {ChannelSecrets.Token}; set {channel.SettingPath(ChannelSecrets.Token)}, " +
            $"{channel.SettingPath(ChannelSecrets.EncodingAesKey)} and {channel.SettingPath(ChannelSecrets.AppId)} from the Xiaohongshu console");

    private static string Query(WebhookRequest request, string name) => QueryParameters.Get(request.Query, name) ?? string.Empty;
}
