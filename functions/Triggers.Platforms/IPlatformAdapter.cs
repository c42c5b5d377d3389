namespace Triggers.Platforms;

/// <summary>Verifies, decrypts and normalises one platform's webhook calls. Pure: no I/O, no clock.</summary>
public interface IPlatformAdapter
{
    /// <summary>The <c>Channels:{name}:Platform</c> value this adapter serves, for example "wechat".</summary>
    string Platform { get; }

    /// <summary>
    /// Problems with the channel's settings, each naming the setting and how to fix it; empty when the
    /// channel can receive webhooks. Messages never contain secret values.
    /// </summary>
    IReadOnlyList<string> ValidateSettings(ChannelSettings channel);

    WebhookOutcome Handle(WebhookRequest request, ChannelSettings channel);
}
