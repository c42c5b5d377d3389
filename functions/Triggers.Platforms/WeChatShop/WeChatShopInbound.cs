using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// The shop's two calls, the Official Account protocol restricted to what the shop backend can send:
/// GET echoes the plaintext echostr; POST must be safe mode (encrypt_type=aes, msg_signature) with a JSON
/// body. Anything else is refused with a message saying why, rather than read on a weaker signature.
/// </summary>
internal static class WeChatShopInbound
{
    public static WebhookOutcome VerifyUrl(WebhookRequest request, ChannelSettings channel, WeChatShopOptions options) =>
        WeChatVerifier.RequireSigned(request, "signature", "timestamp", "nonce", "echostr")
        ?? WeChatVerifier.Verify(request, channel, options.Token, "signature", covered: null, WeChatShopOptions.Console)
        ?? (WebhookOutcome)new WebhookChallenge(QueryParameters.Get(request.Query, "echostr")!, "text/plain");

    public static WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeChatShopOptions options)
    {
        if (request.Body.Length > WeChatOptions.MaxBodyBytes)
        {
            return new WebhookRejected(413, $"body is {request.Body.Length} bytes; WeChat Shop pushes are at most {WeChatOptions.MaxBodyBytes}");
        }

        // The 3-way signature of a plaintext push does not cover the body, and the shop never sends one.
        if (!string.Equals(QueryParameters.Get(request.Query, "encrypt_type"), "aes", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookRejected(401,
                "push is not encrypted (no encrypt_type=aes): WeChat Shop pushes are always in safe mode, so a plaintext push is not accepted");
        }

        if (WeChatVerifier.RequireSigned(request, "msg_signature", "timestamp", "nonce") is { } missing)
        {
            return missing;
        }

        var envelope = WeChatPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span), "body");
        RequireJson(envelope, "body");
        var encrypt = envelope.Field("Encrypt")
            ?? throw new PayloadFormatException("body has no Encrypt field; WeChat Shop pushes are {\"ToUserName\":…,\"Encrypt\":…}");

        if (WeChatVerifier.Verify(request, channel, options.Token, "msg_signature", ("Encrypt", encrypt), WeChatShopOptions.Console) is { } rejected)
        {
            return rejected;
        }

        var plaintext = options.Crypto.Decrypt(encrypt);
        if (!string.Equals(plaintext.ReceiveId, options.AppId, StringComparison.Ordinal))
        {
            var received = plaintext.ReceiveId.Length > 40 ? plaintext.ReceiveId[..40] + "…" : plaintext.ReceiveId;
            return new WebhookRejected(403,
                $"push was encrypted for app id '{received}', which is not this channel's AppId; set {channel.SettingPath(ChannelSecrets.AppId)} to the shop's AppID");
        }

        var payload = WeChatPayloadReader.Read(plaintext.Message, "decrypted message");
        WeChatEnvelope.EnsureMatches(envelope, payload);
        RequireJson(payload, "decrypted message");
        return new WebhookAccepted([WeChatShopNormaliser.ToSignal(payload, channel, request.ReceivedAt)], WeChatShopReplies.Success);
    }

    private static void RequireJson(WeChatPayload payload, string what)
    {
        if (payload.Format != WeChatPayload.Json)
        {
            throw new PayloadFormatException($"{what} is XML, but WeChat Shop pushes are JSON only (the data format is fixed to JSON in the shop backend)");
        }
    }
}
