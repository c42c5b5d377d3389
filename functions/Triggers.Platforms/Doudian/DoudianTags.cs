using Triggers.Core.Signals;

namespace Triggers.Platforms.Doudian;

/// <summary>
/// 抖店 message tags. The 1xx range is the trade (order) family and 2xx the after-sale (refund) family; the
/// names below are the ones corroborated by SDK samples, the rest keep their number.
/// </summary>
public static class DoudianTags
{
    public const int ConnectivityTest = 0;

    private static readonly Dictionary<int, string> Names = new()
    {
        [100] = "doudian_trade_TradeCreate",
        [103] = "doudian_trade_TradeSuccess",
        [106] = "doudian_trade_TradeCanceled",
        [110] = "doudian_trade_TradePaid",
        [200] = "doudian_refund_RefundCreated",
        [208] = "doudian_refund_RefundModified",
    };

    public static string Kind(int tag) => tag switch
    {
        >= 100 and <= 199 => SignalKinds.Order,
        >= 200 and <= 299 => SignalKinds.Refund,
        _ => SignalKinds.Event,
    };

    /// <summary>The message's documented name, or null for a tag not in the table.</summary>
    public static string? Name(int tag) => Names.GetValueOrDefault(tag);
}
