using System.Globalization;
using Triggers.Core.Signals;
using Triggers.Platforms.Douyin;

namespace Triggers.Platforms.Doudian;

/// <summary>Maps one 抖店 message onto the common <see cref="Signal"/> shape.</summary>
public static class DoudianNormaliser
{
    private static readonly string[] BuyerFields = ["buyer_id", "open_id", "buyer_open_id"];
    private static readonly string[] TimeFields = ["pay_time", "create_time", "apply_time", "modify_time", "update_time", "complete_time", "cancel_time", "ship_time"];

    // Data fields worth keeping, by the attribute name they are kept under.
    private static readonly (string Attribute, string Field)[] Kept =
    [
        ("orderId", "p_id"), ("skuOrderId", "s_id"), ("shopId", "shop_id"), ("amount", "pay_amount"),
        ("refundAmount", "refund_amount"), ("aftersaleId", "aftersale_id"), ("aftersaleStatus", "aftersale_status"),
        ("orderStatus", "order_status"), ("orderType", "order_type"),
    ];

    /// <exception cref="PayloadFormatException">A time field in data is present but not a unix time.</exception>
    public static Signal ToSignal(DoudianMessage message, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channel);

        var data = message.Data;
        var buyer = BuyerFields.Select(field => DouyinJson.Text(data, field)).FirstOrDefault(value => value is not null);
        var where = $"message [{message.Index}] data";
        DateTimeOffset? occurredAt = null;
        foreach (var field in TimeFields)
        {
            occurredAt ??= DouyinJson.Time(data, field, where);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["tag"] = message.Tag.ToString(CultureInfo.InvariantCulture),
            ["msgId"] = message.MsgId,
        };
        if (DoudianTags.Name(message.Tag) is { } name)
        {
            attributes["tagName"] = name;
        }

        if (buyer is not null)
        {
            attributes["buyer"] = buyer;
        }

        foreach (var (attribute, field) in Kept)
        {
            if (DouyinJson.Text(data, field) is { } value)
            {
                attributes[attribute] = value;
            }
        }

        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, message.MsgId),
            Channel = channel.Name,
            Platform = DoudianAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = DoudianTags.Kind(message.Tag),
            Type = $"doudian/{message.Tag.ToString(CultureInfo.InvariantCulture)}",

            // Order messages rarely name the buyer; the shop is then the only party the message identifies.
            Actor = new SignalActor(buyer ?? DouyinJson.Text(data, "shop_id") ?? "unknown"),
            OccurredAt = occurredAt ?? receivedAt,
            ReceivedAt = receivedAt,
            DedupeKey = message.MsgId,
            Raw = message.Text,
            RawFormat = "json",
            Attributes = attributes,
        };
    }
}
