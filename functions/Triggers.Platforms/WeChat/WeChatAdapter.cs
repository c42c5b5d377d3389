using System.Security.Cryptography;
using Triggers.Core.Signals;

namespace Triggers.Platforms.WeChat;

/// <summary>
/// The Official Account server callback (platform "wechat"): GET answers the URL-verification echo,
/// POST verifies, decrypts in safe mode, and normalises one message or event into one signal.
/// </summary>
public sealed class WeChatAdapter : IPlatformAdapter, IPassiveReplyAdapter
{
    public const string PlatformName = "wechat";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => WeChatOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);

        if (WeChatOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        try
        {
            return request.Method.ToUpperInvariant() switch
            {
                "GET" => VerifyUrl(request, channel, options),
                "POST" => WeChatInbound.Receive(request, channel, options),
                _ => new WebhookRejected(405, $"method {request.Method} is not used by WeChat callbacks; expected GET or POST"),
            };
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }

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
