namespace Triggers.Platforms;

/// <summary>A platform's channel settings, read and checked from <see cref="ChannelSettings"/>.</summary>
public interface IChannelOptions<TSelf> where TSelf : class, IChannelOptions<TSelf>
{
    /// <summary>The options, or null with every problem (each naming the setting and how to fix it, never a secret).</summary>
    static abstract TSelf? TryFrom(ChannelSettings channel, out IReadOnlyList<string> problems);

    /// <summary>Problems with the channel's settings; empty when it can receive webhooks.</summary>
    static abstract IReadOnlyList<string> Validate(ChannelSettings channel);
}
