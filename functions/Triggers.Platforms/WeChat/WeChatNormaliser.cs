using System.Globalization;
using Triggers.Core.Signals;

namespace Triggers.Platforms.WeChat;

/// <summary>Maps an Official Account message or event onto the common <see cref="Signal"/> shape.</summary>
public static class WeChatNormaliser
{
    private static readonly HashSet<string> MessageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "image", "voice", "video", "shortvideo", "location", "link",
    };

    private static readonly string[] KeptFields = ["ToUserName", "MsgId", "Event", "EventKey", "Status", "KfAccount"];

    /// <exception cref="PayloadFormatException">FromUserName, CreateTime or MsgType is missing or CreateTime is not unix seconds.</exception>
    public static Signal ToSignal(WeChatPayload payload, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(channel);

        var from = Required(payload, "FromUserName");
        var createTime = Required(payload, "CreateTime");
        var msgType = Required(payload, "MsgType");
        if (!ReplayGuard.TryParseUnixSeconds(createTime, out var occurredAt))
        {
            throw new PayloadFormatException($"message field CreateTime '{createTime}' is not unix seconds");
        }

        var eventName = payload.Field("Event");
        var isEvent = msgType.Equals("event", StringComparison.OrdinalIgnoreCase);
        var kind = (isEvent, eventName?.ToLowerInvariant()) switch
        {
            (true, "subscribe") => SignalKinds.Follow,
            (true, "unsubscribe") => SignalKinds.Unfollow,
            (false, _) when MessageTypes.Contains(msgType) => SignalKinds.Message,
            _ => SignalKinds.Event,
        };

        // Messages dedupe on MsgId; events have none, and the same user can raise two events in one second.
        var seconds = occurredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var dedupeKey = payload.Field("MsgId")
            ?? (eventName is null ? $"{from}:{seconds}" : $"{from}:{seconds}:{eventName}");

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in KeptFields)
        {
            if (payload.Field(name) is { } value)
            {
                attributes[name] = value;
            }
        }

        // A payload that names the user's unionid (the same in all of a brand's WeChat apps) links the account by it.
        if ((payload.Field("UnionId") ?? payload.Field("UnionID")) is { } union && Core.People.IdentityKeys.UnionIdProblem(union) is null)
        {
            attributes[Core.People.IdentityKeys.UnionIdAttribute] = union.Trim();
        }

        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = WeChatAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = kind,
            Type = isEvent ? (eventName is null ? msgType : $"{msgType}/{eventName}") : msgType,
            Actor = new SignalActor(from),
            Text = kind == SignalKinds.Message ? WeChatMessageText.Describe(payload, msgType) : null,
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = payload.Text,
            RawFormat = payload.Format,
            Attributes = attributes,
        };
    }

    private static string Required(WeChatPayload payload, string name) =>
        payload.Field(name) ?? throw new PayloadFormatException($"message has no {name} field");
}
