using System.Globalization;
using Triggers.Core.Identity;
using Triggers.Core.Signals;

namespace Triggers.Platforms.Xiaohongshu;

/// <summary>
/// Maps an e-commerce push item onto a <see cref="Signal"/>. The field names used for the buyer and the time
/// are INFERRED (no official sample names them); when absent the seller and the receive time stand in.
/// </summary>
public static class XiaohongshuNormaliser
{
    private const int MaxAttributes = 32;

    private static readonly string[] BuyerFields = ["buyerId", "buyer_id", "userId", "user_id", "openId", "open_id"];
    private static readonly string[] TimeFields = ["updateTime", "createTime", "timestamp"];

    // Unix seconds stay below this until the year 5138; milliseconds passed it in 1973.
    private const long MillisecondsThreshold = 100_000_000_000;

    public static string KindOf(string msgTag)
    {
        ArgumentNullException.ThrowIfNull(msgTag);
        return msgTag switch
        {
            _ when msgTag.StartsWith("msg_fulfillment_", StringComparison.Ordinal) => SignalKinds.Order,
            _ when msgTag.StartsWith("msg_after_sale_", StringComparison.Ordinal) => SignalKinds.Refund,
            _ => SignalKinds.Event,
        };
    }

    /// <summary>
    /// No message id is documented, so the identity is the tag and the data text as sent. The inferred sign
    /// (<see cref="XiaohongshuSign"/>) does not cover the body, so this identity is not signed either: keying on the
    /// signed timestamp would not stop a changed body and would split retries signed afresh (docs/platforms/xiaohongshu.md).
    /// </summary>
    public static string DedupeKey(string msgTag, string data) => $"{msgTag}:{StableId.From(msgTag, data)}";

    public static Signal ToSignal(XiaohongshuPush push, ChannelSettings channel, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(channel);

        var dedupeKey = DedupeKey(push.MsgTag, push.Data);
        var attributes = push.Fields.Take(MaxAttributes).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        attributes["sellerId"] = push.SellerId;
        return new Signal
        {
            Id = SignalIds.Create(channel.Tenant, channel.Name, dedupeKey),
            Channel = channel.Name,
            Platform = XiaohongshuAdapter.PlatformName,
            Tenant = channel.Tenant,
            Kind = KindOf(push.MsgTag),
            Type = push.MsgTag,
            Actor = new SignalActor(BuyerFields.Select(push.Fields.GetValueOrDefault).FirstOrDefault(id => id is not null) ?? push.SellerId),
            Text = null,
            OccurredAt = OccurredAt(push) ?? receivedAt,
            ReceivedAt = receivedAt,
            DedupeKey = dedupeKey,
            Raw = push.Raw,
            RawFormat = "json",
            Attributes = attributes,
        };
    }

    // Lenient on purpose: the field is inferred, so an unexpected format falls back to the receive time.
    private static DateTimeOffset? OccurredAt(XiaohongshuPush push)
    {
        foreach (var name in TimeFields)
        {
            if (push.Fields.GetValueOrDefault(name) is { } text
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value is > 0 and <= 253402300799999)
            {
                return value >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
            }
        }

        return null;
    }
}
