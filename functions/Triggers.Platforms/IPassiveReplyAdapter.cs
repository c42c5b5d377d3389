using Triggers.Core.Signals;

namespace Triggers.Platforms;

/// <summary>
/// A platform that lets the webhook answer carry a message back to the sender ("passive reply"), instead
/// of the plain acknowledgement in <see cref="WebhookAccepted.Reply"/>. The reply must still go out within
/// the platform's deadline (5 s for the WeChat family), so only use it when the text is known at once.
/// </summary>
public interface IPassiveReplyAdapter
{
    /// <summary>
    /// The answer to <paramref name="request"/> (the verified delivery that produced <paramref name="signal"/>)
    /// that sends <paramref name="text"/> to the signal's actor, in the channel's mode (plain or encrypted).
    /// </summary>
    /// <exception cref="ArgumentException">The signal is not from this channel, or lacks what the reply needs.</exception>
    /// <exception cref="NotSupportedException">This kind of delivery cannot carry a passive reply; send through the platform's API instead.</exception>
    WebhookReply PassiveText(WebhookRequest request, ChannelSettings channel, Signal signal, string text);
}
