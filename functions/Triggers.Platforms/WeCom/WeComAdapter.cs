using System.Security.Cryptography;
using Triggers.Core.Signals;
using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>
/// The WeCom (企业微信) callback, platform "wecom": GET decrypts the echostr to prove the URL, POST verifies
/// msg_signature, decrypts, checks the receive id and normalises app messages, events and customer contact changes.
/// </summary>
public sealed class WeComAdapter() : WebhookAdapter<WeComOptions>(PlatformName, "WeCom callbacks", methods: ["GET", "POST"]), IPassiveReplyAdapter
{
    public const string PlatformName = "wecom";

    // The signature covers the encrypted body, so verification happens as the envelope is read.
    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeComOptions options) =>
        request.IsGet ? WeComInbound.VerifyUrl(request, channel, options) : WeComInbound.Receive(request, channel, options);

    /// <summary>
    /// An encrypted text reply to the member who wrote to the app (FromUserName), from the corp (ToUserName),
    /// with a fresh random and the request's nonce. Only XML app callbacks take passive replies: contact
    /// changes come from "sys" (greet the customer with the WelcomeCode API instead) and JSON callbacks are not supported.
    /// </summary>
    public WebhookReply PassiveText(WebhookRequest request, ChannelSettings channel, Signal signal, string text)
    {
        var (nonce, format) = WeChatPassiveReply.Context(request, channel, signal, PlatformName);
        ArgumentNullException.ThrowIfNull(text);
        if (format == WeChatPayload.Json)
        {
            throw new NotSupportedException("this WeCom callback is JSON; passive replies are only supported for XML app callbacks, send through the API instead");
        }

        var member = WeChatPassiveReply.Attribute(signal, "FromUserName");
        if (signal.Attributes.ContainsKey("InfoType") || string.Equals(member, "sys", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"signal {signal.Id} ({signal.Type}) is a system notification, not a member's message; there is nobody to answer passively");
        }

        var corpId = WeChatPassiveReply.Attribute(signal, "ToUserName");
        return WeComReplies.PassiveText(
            WeComOptions.From(channel), member, corpId, text, request.ReceivedAt, nonce, RandomNumberGenerator.GetBytes(WeChatCrypto.RandomLength));
    }
}
