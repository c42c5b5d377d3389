using Triggers.Core.Signals;

namespace Triggers.App.Tests.Infrastructure;

internal static class TestSignals
{
    /// <summary>A WeChat text message on <paramref name="channel"/>, identified by <paramref name="messageId"/>.</summary>
    public static Signal Message(string tenant, string channel, string messageId) => new()
    {
        Id = SignalIds.Create(tenant, channel, messageId),
        Channel = channel,
        Platform = "wechat",
        Tenant = tenant,
        Kind = SignalKinds.Message,
        Type = "text",
        Actor = new SignalActor("openid-" + messageId),
        Text = "hello " + messageId,
        OccurredAt = DateTimeOffset.FromUnixTimeSeconds(1714112445),
        ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1714112446),
        DedupeKey = messageId,
    };
}
