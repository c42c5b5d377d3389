namespace Triggers.Platforms.WeChat;

/// <summary>
/// The Official Account server callback (platform "wechat"): GET answers the URL-verification echo,
/// POST verifies, decrypts in safe mode, and normalises one message or event into one signal.
/// </summary>
public sealed class WeChatAdapter : IPlatformAdapter
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

    // For Official Accounts echostr is plaintext even in safe mode; it goes back unchanged.
    private static WebhookOutcome VerifyUrl(WebhookRequest request, ChannelSettings channel, WeChatOptions options)
    {
        var rejected = QueryParameters.RequireAll(request.Query, "signature", "timestamp", "nonce", "echostr")
            ?? WeChatVerifier.VerifySignature(request, channel, options);
        return rejected ?? (WebhookOutcome)new WebhookChallenge(request.Query["echostr"], "text/plain");
    }
}
