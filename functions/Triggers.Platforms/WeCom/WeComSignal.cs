using System.Globalization;
using Triggers.Core.Signals;
using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeCom;

/// <summary>Field reading and the common signal shape for <see cref="WeComNormaliser"/>.</summary>
internal static class WeComSignal
{
    private static readonly string[] KeptFields =
    [
        "ToUserName", "FromUserName", "AgentID", "MsgId", "Event", "EventKey", "ChangeType", "UserID", "ExternalUserID",
        "State", "WelcomeCode", "FailReason", "ChatId", "InfoType", "SuiteId", "AuthCorpId",
    ];

    public static Signal Build(
        WeChatPayload payload, ChannelSettings channel, string kind, string type, string actor, string? text,
        DateTimeOffset occurredAt, DateTimeOffset receivedAt, string dedupeKey)
    {
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
            Platform = WeComAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = kind,
            Type = type,
            Actor = new SignalActor(actor),
            Text = text,
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = payload.Text,
            RawFormat = payload.Format,
            Attributes = attributes,
        };
    }

    public static string Key(string sender, DateTimeOffset occurredAt, params ReadOnlySpan<string?> parts) =>
        Join(":", [sender, occurredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), .. parts]);

    public static string Join(string separator, params ReadOnlySpan<string?> parts)
    {
        var present = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                present.Add(part);
            }
        }

        return string.Join(separator, present);
    }

    public static DateTimeOffset UnixSeconds(WeChatPayload payload, string name)
    {
        var value = Required(payload, name);
        return ReplayGuard.TryParseUnixSeconds(value, out var instant)
            ? instant
            : throw new PayloadFormatException($"message field {name} '{(value.Length > 20 ? value[..20] + "…" : value)}' is not unix seconds");
    }

    public static string Required(WeChatPayload payload, string name) =>
        payload.Field(name) ?? throw new PayloadFormatException($"message has no {name} field");
}
