namespace Triggers.Core.Topics;

/// <summary>
/// The topics a tenant gets while it has no rows in table <c>Topics</c> (listed in docs/topics.md). A keyword
/// may serve two topics: 充电 is both range_anxiety and charging.
/// </summary>
public static class DefaultTopics
{
    public const string RangeAnxiety = "range_anxiety";
    public const string Charging = "charging";
    public const string Price = "price";
    public const string Quality = "quality";
    public const string Service = "service";
    public const string Delivery = "delivery";
    public const string Design = "design";
    public const string AfterSales = "after_sales";

    private static readonly (string Name, string[] Keywords)[] Lexicon =
    [
        (RangeAnxiety, ["续航", "续航焦虑", "里程", "掉电", "亏电", "电池", "电量", "充电", "充电桩", "趴窝", "虚标",
            "range", "range anxiety", "battery", "batteries", "mileage"]),
        (Charging, ["充电", "充电桩", "充电站", "快充", "慢充", "超充", "补能", "换电", "充电枪",
            "charging", "charger", "charging station", "supercharger", "fast charging"]),
        (Price, ["价格", "价钱", "贵", "便宜", "优惠", "性价比", "降价", "涨价", "划算", "实惠", "折扣", "打折", "报价", "落地价",
            "price", "pricing", "expensive", "cheap", "discount", "overpriced", "value for money"]),
        (Quality, ["质量", "做工", "异响", "故障", "毛病", "品控", "质感", "用料", "缺陷", "瑕疵", "掉漆", "漏水",
            "quality", "build quality", "defect", "defective", "faulty", "rattle", "malfunction"]),
        (Service, ["服务", "客服", "态度", "销售", "顾问", "导购", "专员", "接待",
            "service", "customer service", "support", "staff", "salesperson"]),
        (Delivery, ["物流", "快递", "发货", "交付", "提车", "等车", "到货", "送货", "配送", "交车",
            "delivery", "deliveries", "shipping", "shipment", "courier"]),
        (Design, ["外观", "颜值", "设计", "造型", "内饰", "好看", "漂亮", "难看", "丑", "配色", "线条",
            "design", "looks", "good looking", "interior", "exterior", "styling", "ugly"]),
        (AfterSales, ["售后", "售后服务", "维修", "保养", "退货", "退款", "换货", "保修", "质保", "返厂", "维权", "4s店",
            "after-sales", "after sales", "aftersales", "after-sales service", "repair", "refund", "warranty", "replacement"]),
    ];

    /// <summary>The default topics, none NegativeOnly, stamped with the tenant.</summary>
    public static IReadOnlyList<TopicDefinition> For(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return Array.ConvertAll(Lexicon, topic => new TopicDefinition(tenant, topic.Name, topic.Keywords, NegativeOnly: false));
    }
}
