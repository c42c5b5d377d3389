namespace Triggers.Platforms;

/// <summary>
/// The skeleton every platform adapter shares, in this order: the channel's settings (500 when misconfigured), the
/// method (405), <see cref="Verify"/> (is it authentic?), <see cref="Receive"/> (read, decrypt, normalise), and a
/// malformed payload anywhere in verify or receive answered 400. Each platform fills in its own steps.
/// </summary>
/// <typeparam name="TOptions">The platform's channel settings.</typeparam>
public abstract class WebhookAdapter<TOptions> : IPlatformAdapter where TOptions : class, IChannelOptions<TOptions>
{
    public abstract string Platform { get; }

    /// <summary>How errors name the platform's calls, for example "Douyin webhooks".</summary>
    protected abstract string Calls { get; }

    /// <summary>The methods the platform calls with: POST, and GET where it verifies the URL that way.</summary>
    protected virtual IReadOnlyList<string> Methods { get; } = ["POST"];

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => TOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        if (TOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        if (!Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return new WebhookRejected(405, $"method {request.Method} is not used by {Calls}; expected {string.Join(" or ", Methods)}");
        }

        try
        {
            return Verify(request, channel, options) ?? Receive(request, channel, options);
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }

    /// <summary>
    /// Whether the request is authentic, as every verifier answers: null when it is, otherwise the
    /// <see cref="WebhookRejected"/> that says why (401: signature missing, wrong, or outside the replay window; 403:
    /// meant for another app). Reads only the request and the channel's secrets.
    /// </summary>
    /// <remarks>
    /// The default verifies nothing: platforms whose signature covers a field of the body envelope (the WeChat family's
    /// msg_signature over Encrypt) verify in <see cref="Receive"/>, after reading the envelope and before decrypting.
    /// </remarks>
    protected virtual WebhookRejected? Verify(WebhookRequest request, ChannelSettings channel, TOptions options) => null;

    /// <summary>Reads a request with an allowed method: the challenge, the accepted signals, or why it is refused.</summary>
    protected abstract WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, TOptions options);
}
