using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>
/// WeCom's two calls. GET proves the URL: echostr is encrypted, and the answer is its decrypted plaintext.
/// POST carries an encrypted envelope (XML, or JSON with lower-case keys); nothing but the envelope is
/// read before msg_signature is checked, and its unsigned ToUserName/AgentID are only trusted where the decrypted
/// message agrees (<see cref="WeChatEnvelope.EnsureMatches"/>): every signal field comes from the decrypted message.
/// </summary>
internal static class WeComInbound
{
    public static WebhookOutcome VerifyUrl(WebhookRequest request, ChannelSettings channel, WeComOptions options)
    {
        if (WeComVerifier.Required(request, "timestamp", "nonce", "echostr") is { } missing)
        {
            return missing;
        }

        // Base64 has no spaces: a space is a '+' that reached us unencoded and was decoded as a form space.
        var echostr = QueryParameters.Get(request.Query, "echostr")!.Replace(' ', '+');
        if (WeComVerifier.Verify(request, channel, options, "echostr", echostr) is { } rejected)
        {
            return rejected;
        }

        var plaintext = options.Crypto.Decrypt(echostr);
        return WeComVerifier.CheckReceiveId(plaintext, channel, options)
            ?? (WebhookOutcome)new WebhookChallenge(plaintext.Message, "text/plain");
    }

    public static WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeComOptions options)
    {
        if (request.Body.Length > WeChatOptions.MaxBodyBytes)
        {
            return new WebhookRejected(413, $"body is {request.Body.Length} bytes; WeCom callbacks are at most {WeChatOptions.MaxBodyBytes}");
        }

        if (WeComVerifier.Required(request, "timestamp", "nonce") is { } missing)
        {
            return missing;
        }

        var envelope = WeChatPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span), "body");
        var encrypt = envelope.Field("Encrypt")
            ?? throw new PayloadFormatException("body has no Encrypt field; WeCom callbacks are always encrypted (<xml><Encrypt>…</Encrypt></xml> or {\"encrypt\":…})");

        if (WeComVerifier.Verify(request, channel, options, "Encrypt", encrypt) is { } rejected)
        {
            return rejected;
        }

        var plaintext = options.Crypto.Decrypt(encrypt);
        if (WeComVerifier.CheckReceiveId(plaintext, channel, options) is { } forbidden)
        {
            return forbidden;
        }

        var payload = WeChatPayloadReader.Read(plaintext.Message, "decrypted message");
        WeChatEnvelope.EnsureMatches(envelope, payload);
        return new WebhookAccepted(WeComNormaliser.ToSignals(payload, channel, request.ReceivedAt), WeComReplies.Success);
    }
}
