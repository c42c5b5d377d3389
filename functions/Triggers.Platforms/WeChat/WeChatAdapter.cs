using System.Security.Cryptography;
using Triggers.Core.Signals;

namespace Triggers.Platforms.WeChat;

/// <summary>
/// The Official Account server callback (platform "wechat"): GET answers the URL-verification echo,
/// POST verifies, decrypts in safe mode, and normalises one message or event into one signal.
/// </summary>
public sealed class WeChatAdapter() : WebhookAdapter<WeChatOptions>(PlatformName, "WeChat callbacks", methods: ["GET", "POST"]), IPassiveReplyAdapter
{
    public const string PlatformName = "wechat";

    // The signature covers the encrypted body, so verification happens as the envelope is read.
    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, WeChatOptions options) =>
        request.IsGet ? VerifyUrl(request, channel, options) : WeChatInbound.Receive(request, channel, options);

    /// <summary>
    /// A text reply to the signal's sender from the account it wrote to (the signal's ToUserName): plain
    /// in plaintext mode, the encrypted envelope with a fresh random and the request's nonce in safe mode.
    /// </summary>
    public WebhookReply PassiveText(WebhookRequest request, ChannelSettings channel, Signal signal, string text)
    {
        var (nonce, format) = WeChatPassiveReply.Context(request, channel, signal, PlatformName);
        ArgumentNullException.ThrowIfNull(text);
        var options = WeChatOptions.From(channel);
        var account = WeChatPassiveReply.Attribute(signal, "ToUserName");
        return WeChatReplies.PassiveText(
            options, signal.Actor.Id, account, text, request.ReceivedAt, nonce, RandomNumberGenerator.GetBytes(WeChatCrypto.RandomLength), format);
    }

    // For Official Accounts echostr is plaintext even in safe mode; it goes back unchanged.
    private static WebhookOutcome VerifyUrl(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        var rejected = WeChatVerifier.RequireSigned(request, "signature", "timestamp", "nonce", "echostr")
            ?? WeChatVerifier.VerifySignature(request, channel, options);
        return rejected ?? (WebhookOutcome)new WebhookChallenge(request.Query["echostr"], "text/plain");
    }
}
