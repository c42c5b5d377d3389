namespace Triggers.Platforms.WeChat;

/// <summary>
/// A message POST. Safe mode (encrypt_type=aes) is verified with msg_signature over the Encrypt field,
/// never with the 3-way signature, which does not cover the body. Nothing but the envelope is read
/// before the signature is checked.
/// </summary>
internal static class WeChatInbound
{
    public static WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        if (request.Body.Length > WeChatOptions.MaxBodyBytes)
        {
            return new WebhookRejected(413, $"body is {request.Body.Length} bytes; WeChat messages are at most {WeChatOptions.MaxBodyBytes}");
        }

        var encryptType = QueryParameters.Get(request.Query, "encrypt_type");
        return encryptType?.ToLowerInvariant() switch
        {
            null or "raw" => ReceivePlain(request, channel, options),
            "aes" => ReceiveEncrypted(request, channel, options),
            _ => new WebhookRejected(400, "query parameter encrypt_type is not supported; expected aes (or none in plaintext mode)"),
        };
    }

    private static WebhookOutcome ReceivePlain(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        if (WeChatVerifier.RequireSigned(request, "signature", "timestamp", "nonce") is { } missing)
        {
            return missing;
        }

        // The 3-way signature does not cover the body, so accepting plaintext on a safe-mode channel would
        // let anyone holding one signed URL post any message.
        if (options.Crypto is not null)
        {
            return new WebhookRejected(401,
                $"message is not encrypted but channel {channel.Name} has an EncodingAesKey; set the console's message encryption mode to safe mode, " +
                $"or remove {channel.SettingPath(ChannelSecrets.EncodingAesKey)} to accept plaintext");
        }

        if (WeChatVerifier.VerifySignature(request, channel, options) is { } rejected)
        {
            return rejected;
        }

        var payload = WeChatPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span), "body");
        return Accept(payload, request, channel);
    }

    private static WebhookOutcome ReceiveEncrypted(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        if (WeChatVerifier.RequireSigned(request, "msg_signature", "timestamp", "nonce") is { } missing)
        {
            return missing;
        }

        if (options.Crypto is null || options.AppId is null)
        {
            return new WebhookRejected(400,
                $"message is encrypted (encrypt_type=aes) but channel {channel.Name} has no EncodingAesKey; set {channel.SettingPath(ChannelSecrets.EncodingAesKey)} " +
                $"and {channel.SettingPath(ChannelSecrets.AppId)} to the values in the WeChat console");
        }

        var envelope = WeChatPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span), "body");
        var encrypt = envelope.Field("Encrypt")
            ?? throw new PayloadFormatException("body has no Encrypt field, but encrypt_type=aes says the message is encrypted");

        if (WeChatVerifier.VerifyMessageSignature(request, channel, options, encrypt) is { } rejected)
        {
            return rejected;
        }

        var plaintext = options.Crypto.Decrypt(encrypt);
        if (!string.Equals(plaintext.ReceiveId, options.AppId, StringComparison.Ordinal))
        {
            var received = plaintext.ReceiveId.Length > 40 ? plaintext.ReceiveId[..40] + "…" : plaintext.ReceiveId;
            return new WebhookRejected(403,
                $"message was encrypted for app id '{received}', which is not this channel's AppId; set {channel.SettingPath(ChannelSecrets.AppId)} " +
                "to the id WeChat encrypts for (a third-party platform uses its component app id)");
        }

        var payload = WeChatPayloadReader.Read(plaintext.Message, "decrypted message");
        WeChatEnvelope.EnsureMatches(envelope, payload);
        return Accept(payload, request, channel);
    }

    private static WebhookAccepted Accept(WeChatPayload payload, WebhookRequest request, ChannelSettings channel) =>
        new([WeChatNormaliser.ToSignal(payload, channel, request.ReceivedAt)], WeChatReplies.Success);
}
