using Triggers.Core.Envelopes;

namespace Triggers.Platforms.Generic;

/// <summary>The body is already in the normalised shape: the signal envelope (docs/schemas/signal-envelope.schema.json).</summary>
internal static class GenericNormaliser
{
    public static WebhookOutcome Accept(WebhookRequest request, ChannelSettings channel)
    {
        var context = new EnvelopeContext(channel.Name, GenericAdapter.PlatformName, channel.Tenant, request.ReceivedAt, channel.PhoneSalt);
        var result = SignalEnvelope.Parse(request.Body.Span, context);
        if (!result.IsValid)
        {
            var count = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
            return new WebhookRejected(400, $"body has {count} (see docs/schemas/signal-envelope.schema.json): {string.Join("; ", result.Errors)}");
        }

        return new WebhookAccepted(result.Signals, GenericReplies.Accepted(result.Signals.Count));
    }
}
