using System.Globalization;
using Triggers.Core.Signals;
using Triggers.Platforms.WeChat;

namespace Triggers.Platforms.WeChatShop;

/// <summary>
/// Maps a decrypted shop push onto a signal: order status events become <c>order</c>, after-sale updates
/// <c>refund</c>, anything else <c>event</c>; the event name stays in <see cref="Signal.Type"/>.
/// </summary>
public static class WeChatShopNormaliser
{
    private const string OrderPrefix = "channels_ec_order_";
    private const string AfterSaleUpdate = "channels_ec_aftersale_update";
    private const string OrderInfo = "order_info";
    private const string AfterSaleInfo = "finder_shop_aftersale_status_update";

    // No documented order push carries an amount; if one does, it is expected under one of these names (in fen).
    private static readonly string[] AmountFields = ["order_price", "pay_amount", "total_amount", "amount"];

    /// <exception cref="PayloadFormatException">A required field is missing, CreateTime is not unix seconds, or an order/after-sale event has no id.</exception>
    public static Signal ToSignal(WeChatPayload payload, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(channel);

        var buyer = Required(payload, "FromUserName");
        var createTime = Required(payload, "CreateTime");
        if (!ReplayGuard.TryParseUnixSeconds(createTime, out var occurredAt))
        {
            throw new PayloadFormatException($"message field CreateTime '{(createTime.Length > 20 ? createTime[..20] + "…" : createTime)}' is not unix seconds");
        }

        var type = payload.Field("Event") ?? Required(payload, "MsgType");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["buyer"] = buyer };
        CopyIfPresent(payload, "ToUserName", attributes);
        CopyIfPresent(payload, "Event", attributes);

        string kind;
        string identity;
        if (type.StartsWith(OrderPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var order = WeChatShopPayloadReader.Nested(payload, OrderInfo, type);
            identity = attributes["orderId"] = WeChatShopPayloadReader.NestedId(order, OrderInfo, "order_id", type);
            if (AmountFields.Select(order.GetValueOrDefault).FirstOrDefault(v => v is not null) is { } amount)
            {
                attributes["amount"] = amount;
            }

            kind = SignalKinds.Order;
            CopyAll(order, attributes);
        }
        else if (type.Equals(AfterSaleUpdate, StringComparison.OrdinalIgnoreCase))
        {
            var afterSale = WeChatShopPayloadReader.Nested(payload, AfterSaleInfo, type);
            identity = attributes["afterSaleOrderId"] = WeChatShopPayloadReader.NestedId(afterSale, AfterSaleInfo, "after_sale_order_id", type);
            CopyIfPresent(afterSale, "order_id", "orderId", attributes);
            CopyIfPresent(afterSale, "status", "status", attributes);
            kind = SignalKinds.Refund;
            CopyAll(afterSale, attributes);
        }
        else
        {
            identity = buyer;
            kind = SignalKinds.Event;
        }

        // The documented redelivery identity: the same event for the same order at the same CreateTime.
        var dedupeKey = $"{type}:{identity}:{occurredAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = WeChatShopAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = kind,
            Type = type,
            Actor = new SignalActor(buyer),
            OccurredAt = occurredAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = payload.Text,
            RawFormat = payload.Format,
            Attributes = attributes,
        };
    }

    // The platform's own field names, beside the normalised camel-case ones; those win on a clash.
    private static void CopyAll(IReadOnlyDictionary<string, string> fields, Dictionary<string, string> attributes)
    {
        foreach (var (name, value) in fields)
        {
            attributes.TryAdd(name, value);
        }
    }

    private static void CopyIfPresent(IReadOnlyDictionary<string, string> fields, string from, string to, Dictionary<string, string> attributes)
    {
        if (fields.TryGetValue(from, out var value) && value.Length > 0)
        {
            attributes[to] = value;
        }
    }

    private static void CopyIfPresent(WeChatPayload payload, string name, Dictionary<string, string> attributes)
    {
        if (payload.Field(name) is { } value)
        {
            attributes[name] = value;
        }
    }

    private static string Required(WeChatPayload payload, string name) =>
        payload.Field(name) ?? throw new PayloadFormatException($"message has no {name} field");
}
