namespace Triggers.Platforms.Generic;

/// <summary>
/// Platform "generic": a brand's own systems POST signals already in the normalised envelope shape, signed
/// with HMAC-SHA256 over the timestamp and the raw body (docs/platforms/generic.md).
/// </summary>
public sealed class GenericAdapter() : WebhookAdapter<GenericOptions>(PlatformName, "the generic webhook (POST signed signals)", GenericVerifier.Verify)
{
    public const string PlatformName = "generic";

    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, GenericOptions options) =>
        GenericNormaliser.Accept(request, channel);
}
