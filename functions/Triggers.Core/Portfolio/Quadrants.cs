namespace Triggers.Core.Portfolio;

/// <summary>
/// The four roles a platform plays in the customer's path (docs/portfolio.md): value (expert trust: Zhihu, industry
/// forums), emotion (stories and resonance: Xiaohongshu, Bilibili), conversion (scene-led livestreams and shops: Douyin,
/// Taobao), service (personal care and lifetime value: WeChat, the brand's app).
/// </summary>
public static class Quadrants
{
    public const string Value = "value";
    public const string Emotion = "emotion";
    public const string Conversion = "conversion";
    public const string Service = "service";

    public static IReadOnlyList<string> All { get; } = [Value, Emotion, Conversion, Service];

    public static bool IsKnown(string quadrant) => All.Contains(quadrant, StringComparer.Ordinal);

    /// <summary>The quadrant a platform plays unless table Portfolio says otherwise; null for one without a usual role (generic).</summary>
    public static string? DefaultOf(string platform) => platform switch
    {
        "zhihu" or "forum" => Value,
        "xiaohongshu" or "bilibili" or "weibo" => Emotion,
        "douyin" or "doudian" or "kuaishou" or "taobao" or "tmall" or "jd" or "wechat-shop" => Conversion,
        "wechat" or "wecom" or "app" or "miniprogram" => Service,
        _ => null,
    };
}
