namespace Triggers.Platforms.Generic;

/// <summary>
/// Platform "generic": a brand's own systems POST signals already in the normalised envelope shape, signed
/// with HMAC-SHA256 over the timestamp and the raw body (docs/platforms/generic.md).
/// </summary>
public sealed class GenericAdapter : IPlatformAdapter
{
    public const string PlatformName = "generic";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => GenericOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);

        if (GenericOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookRejected(405, $"method {request.Method} is not accepted by the generic webhook; POST signed signals");
        }

        return GenericVerifier.Verify(request, channel, options) ?? GenericNormaliser.Accept(request, channel);
    }
}
