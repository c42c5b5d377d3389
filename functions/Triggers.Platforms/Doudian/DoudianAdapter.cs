using Triggers.Core.Signals;

namespace Triggers.Platforms.Doudian;

/// <summary>
/// 抖店 (Douyin e-commerce) message push (platform "doudian"): a signed JSON array of messages, one signal
/// per message. The batch is all-or-nothing: one bad message refuses the whole push, so 抖店 re-sends it whole.
/// </summary>
public sealed class DoudianAdapter() : WebhookAdapter<DoudianOptions>(PlatformName, "抖店 message push", DoudianVerifier.Verify)
{
    public const string PlatformName = "doudian";

    protected override WebhookOutcome Receive(WebhookRequest request, ChannelSettings channel, DoudianOptions options)
    {
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
}
