using Triggers.Core.Signals;

namespace Triggers.Platforms.Doudian;

/// <summary>
/// 抖店 (Douyin e-commerce) message push (platform "doudian"): a signed JSON array of messages, one signal
/// per message. The batch is all-or-nothing: one bad message refuses the whole push, so 抖店 re-sends it whole.
/// </summary>
public sealed class DoudianAdapter : IPlatformAdapter
{
    public const string PlatformName = "doudian";

    public string Platform => PlatformName;

    public IReadOnlyList<string> ValidateSettings(ChannelSettings channel) => DoudianOptions.Validate(channel);

    public WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channel);

        if (DoudianOptions.TryFrom(channel, out var problems) is not { } options)
        {
            return new WebhookRejected(500, $"channel {channel.Name} is misconfigured: {string.Join("; ", problems)}");
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookRejected(405, $"method {request.Method} is not used by 抖店 message push; expected POST");
        }

        try
        {
            if (DoudianVerifier.Verify(request, channel, options) is { } rejected)
            {
                return rejected;
            }

            var messages = DoudianPayloadReader.Read(PayloadText.DecodeUtf8(request.Body.Span));
            var signals = new List<Signal>(messages.Count);
            foreach (var message in messages)
            {
                // Tag 0 is the console's connectivity test: acknowledged, nothing to process.
                if (message.Tag != DoudianTags.ConnectivityTest)
                {
                    signals.Add(DoudianNormaliser.ToSignal(message, channel, request.ReceivedAt));
                }
            }

            return new WebhookAccepted(signals, DoudianReplies.Success);
        }
        catch (PayloadFormatException ex)
        {
            return new WebhookRejected(400, ex.Message);
        }
    }
}
