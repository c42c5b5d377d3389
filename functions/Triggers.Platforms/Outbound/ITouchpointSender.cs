namespace Triggers.Platforms.Outbound;

/// <summary>Sends touchpoints in each platform's documented wire format. Never throws for platform errors: returns them.</summary>
public interface ITouchpointSender
{
    /// <summary>Sends on the channel (its platform picks the API; its settings carry credentials and URLs).</summary>
    Task<SendResult> SendAsync(OutboundMessage message, ChannelSettings channel, CancellationToken cancellationToken);
}
