using Triggers.Core.Signals;

namespace Triggers.Platforms.WeChat;

/// <summary>What a WeChat-family passive reply takes from the delivery it answers.</summary>
internal static class WeChatPassiveReply
{
    /// <summary>The request's nonce (echoed by the encrypted envelope) and body format; checks the signal belongs to the channel.</summary>
    /// <exception cref="ArgumentException">The signal is from another channel or platform, or the request has no nonce.</exception>
    public static (string Nonce, string Format) Context(WebhookRequest request, ChannelSettings channel, Signal signal, string platform)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(signal);
        if (!string.Equals(signal.Platform, platform, StringComparison.Ordinal) || !string.Equals(signal.Channel, channel.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"signal {signal.Id} came from channel {signal.Channel} ({signal.Platform}), not {channel.Name} ({platform})", nameof(signal));
        }

        var nonce = QueryParameters.Get(request.Query, "nonce")
            ?? throw new ArgumentException("the request has no nonce; a passive reply answers a verified delivery", nameof(request));
        return (nonce, FormatOf(request.Body.Span));
    }

    /// <summary>The attribute, or an <see cref="ArgumentException"/> saying the reply needs it.</summary>
    public static string Attribute(Signal signal, string name) =>
        signal.Attributes.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw new ArgumentException($"signal {signal.Id} has no {name} attribute, which the reply is sent from", nameof(signal));

    // The envelope was read before the signal was made, so its first character is '<' or '{'.
    private static string FormatOf(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)'{')
            {
                return WeChatPayload.Json;
            }

            if (b is (byte)'<')
            {
                return WeChatPayload.Xml;
            }
        }

        return WeChatPayload.Xml;
    }
}
