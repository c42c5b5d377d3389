namespace Triggers.Platforms;

/// <summary>
/// The skeleton every platform adapter shares, in this order: the channel's settings (500 when misconfigured), the
/// method (405), verify (is it authentic?), <see cref="Receive"/> (read, decrypt, normalise), and a
/// malformed payload anywhere in verify or receive answered 400. Each platform fills in its own steps.
/// </summary>
/// <typeparam name="TOptions">The platform's channel settings.</typeparam>
/// <param name="platform">The <c>Channels:{name}:Platform</c> value the adapter serves.</param>
/// <param name="calls">How errors name the platform's calls, for example "Douyin webhooks".</param>
/// <param name="verify">
/// Whether a request is authentic, as every verifier answers: null when it is, otherwise the <see cref="WebhookRejected"/>
/// that says why (401: signature missing, wrong, or outside the replay window; 403: meant for another app). Null for
/// platforms whose signature covers a field of the body envelope (the WeChat family's msg_signature over Encrypt): they
/// verify in <see cref="Receive"/>, after reading the envelope and before decrypting.
/// </param>
/// <param name="methods">The methods the platform calls with: POST (the default), and GET where it verifies the URL that way.</param>
public abstract class WebhookAdapter<TOptions>(
    string platform,
    string calls,
    Func<WebhookRequest, ChannelSettings, TOptions, WebhookRejected?>? verify = null,
    IReadOnlyList<string>? methods = null) : IPlatformAdapter
    where TOptions : class, IChannelOptions<TOptions>
{
    private readonly IReadOnlyList<string> _methods = methods ?? ["POST"];

    public string Platform => platform;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => TOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        if (TOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        if (!_methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return new WebhookRejected(405, $"method {request.Method} is not used by {calls}; expected {string.Join(" or ", _methods)}");
        }

        try
        {
            return verify?.Invoke(request, channel, options) ?? Receive(request, channel, options);
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }

    /// <summary>Reads a request with an allowed method: the challenge, the accepted signals, or why it is refused.</summary>
    protected abstract WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, TOptions options);
}
