using Triggers.Core.Signals;
using Triggers.Platforms.WeChat;
using static Triggers.Platforms.WeCom.WeComSignal;

namespace Triggers.Platforms.WeCom;

/// <summary>
/// Maps a decrypted WeCom callback onto signals: app messages from members, events, and the customer
/// contact changes (change_external_contact), whose actor is the customer rather than the member.
/// </summary>
public static class WeComNormaliser
{
    private const string ChangeExternalContact = "change_external_contact";

    /// <summary>Third-party suite notices that carry credentials (ticket, auth codes): acknowledged, never stored.</summary>
    private static readonly HashSet<string> CredentialNotices = new(StringComparer.OrdinalIgnoreCase)
    {
        "suite_ticket", "create_auth", "reset_permanent_code",
    };

    /// <summary>One signal, or none for a suite notice that only carries credentials.</summary>
    /// <exception cref="PayloadFormatException">A required field is missing, a time is not unix seconds, or a contact change has no ExternalUserID.</exception>
    public static IReadOnlyList<Signal> ToSignals(WeChatPayload payload, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(channel);

        // Suite instruction callbacks have InfoType and TimeStamp instead of MsgType and CreateTime.
        if (payload.Field("InfoType") is { } infoType)
        {
            return CredentialNotices.Contains(infoType) ? [] : [FromSuiteNotice(payload, infoType, channel, receivedAt)];
        }

        var from = Required(payload, "FromUserName");
        var occurredAt = UnixSeconds(payload, "CreateTime");
        var msgType = Required(payload, "MsgType");
        if (!msgType.Equals("event", StringComparison.OrdinalIgnoreCase))
        {
            var dedupe = payload.Field("MsgId") ?? Key(from, occurredAt, msgType);
            return [Build(payload, channel, SignalKinds.Message, msgType, from, WeChatMessageText.Describe(payload, msgType), occurredAt, receivedAt, dedupe)];
        }

        var eventName = payload.Field("Event");
        var changeType = payload.Field("ChangeType");
        var type = Join("/", msgType, eventName, changeType);
        var isContactChange = string.Equals(eventName, ChangeExternalContact, StringComparison.OrdinalIgnoreCase);
        var kind = isContactChange ? ContactKind(changeType) : SignalKinds.Event;
        var actor = isContactChange ? ContactActor(payload, kind, changeType, from) : from;

        // Events have no MsgId; the contact fields tell apart two changes raised in the same second.
        var dedupeKey = payload.Field("MsgId")
            ?? Key(from, occurredAt, eventName, changeType, payload.Field("ExternalUserID"), payload.Field("UserID"));
        return [Build(payload, channel, kind, type, actor, null, occurredAt, receivedAt, dedupeKey)];
    }

    private static Signal FromSuiteNotice(WeChatPayload payload, string infoType, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        var occurredAt = UnixSeconds(payload, "TimeStamp");
        var changeType = payload.Field("ChangeType");
        var sender = payload.Field("AuthCorpId") ?? payload.Field("SuiteId") ?? "suite";
        var isContactChange = string.Equals(infoType, ChangeExternalContact, StringComparison.OrdinalIgnoreCase);
        var kind = isContactChange ? ContactKind(changeType) : SignalKinds.Event;
        var actor = isContactChange ? ContactActor(payload, kind, changeType, sender) : payload.Field("UserID") ?? sender;
        var dedupeKey = Key(sender, occurredAt, infoType, changeType, payload.Field("ExternalUserID"), payload.Field("UserID"));
        return Build(payload, channel, kind, Join("/", "info", infoType, changeType), actor, null, occurredAt, receivedAt, dedupeKey);
    }

    private static string ContactKind(string? changeType) => changeType?.ToLowerInvariant() switch
    {
        "add_external_contact" or "add_half_external_contact" => SignalKinds.ContactAdded,
        "del_external_contact" or "del_follow_user" => SignalKinds.ContactRemoved,
        _ => SignalKinds.Event,
    };

    // The customer is the contact; the member (UserID) stays in the attributes.
    private static string ContactActor(WeChatPayload payload, string kind, string? changeType, string fallback) =>
        payload.Field("ExternalUserID")
        ?? (kind == SignalKinds.Event
            ? payload.Field("UserID") ?? fallback
            : throw new PayloadFormatException($"change_external_contact {changeType} has no ExternalUserID field"));
}
