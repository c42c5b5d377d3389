using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Triggers.Core.Signals;
using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Kuaishou;

/// <summary>Maps a verified Kuaishou event onto the common <see cref="Signal"/> shape. Field names are inferred.</summary>
public static class KuaishouNormaliser
{
    private static readonly string[] UserFields = ["open_id", "openId", "user_id", "userId", "buyer_open_id"];
    private static readonly string[] TextFields = ["content", "comment", "text", "message"];
    private static readonly string[] TaskFields = ["taskId", "task_id"];

    // Data fields worth keeping: the first present field of each list, under the attribute name.
    private static readonly (string Attribute, string[] Fields)[] Kept =
    [
        ("orderId", ["out_order_no", "order_no", "order_id", "orderId"]),
        ("amount", ["total_amount", "order_amount", "amount"]),
        ("roomId", ["room_id", "roomId"]),
        ("giftName", ["gift_name", "giftName"]),
        ("count", ["count", "gift_count", "like_count"]),
    ];

    /// <exception cref="PayloadFormatException">A time field in data is present but not a unix time.</exception>
    public static Signal ToSignal(KuaishouEnvelope envelope, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(channel);

        var data = envelope.Data;
        var kind = KuaishouEvents.Kind(envelope.Event);
        var taskId = First(data, TaskFields);

        // The docs ask receivers to be idempotent on the task id; message_id is the envelope's own identity.
        var dedupeKey = envelope.MessageId ?? taskId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(envelope.Text)));
        var occurredAt = envelope.SentAt
            ?? DouyinJson.Time(data, "create_time", "data")
            ?? DouyinJson.Time(data, "createTime", "data")
            ?? receivedAt;

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, "messageId", envelope.MessageId);
        Add(attributes, "appId", envelope.AppId);
        Add(attributes, "taskId", taskId);
        foreach (var (attribute, fields) in Kept)
        {
            Add(attributes, attribute, First(data, fields));
        }

        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = KuaishouAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = kind,
            Type = envelope.Event,
            Actor = new SignalActor(Actor(envelope)),
            Text = kind is SignalKinds.Comment or SignalKinds.Danmaku ? First(data, TextFields) ?? string.Empty : null,
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = envelope.Text,
            RawFormat = "json",
            Attributes = attributes,
        };
    }

    // The user the event is about, wherever the inferred payload puts it; events without one fall back to the app.
    private static string Actor(KuaishouEnvelope envelope)
    {
        var data = envelope.Data;
        var nested = DouyinJson.Object(data, "user_info") ?? DouyinJson.Object(data, "userInfo") ?? DouyinJson.Object(data, "user");
        return First(data, UserFields) ?? First(envelope.Root, UserFields) ?? First(nested, UserFields) ?? envelope.AppId ?? "unknown";
    }

    private static string? First(JsonElement? parent, string[] fields)
    {
        foreach (var field in fields)
        {
            if (DouyinJson.Text(parent, field) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, string> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = value;
        }
    }
}
