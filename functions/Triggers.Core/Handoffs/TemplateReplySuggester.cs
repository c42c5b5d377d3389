using Triggers.Core.Topics;

namespace Triggers.Core.Handoffs;

/// <summary>
/// Picks a reply from a small set of templates keyed "sentiment:topic", falling back to "sentiment", then "neutral".
/// The defaults are in Chinese, for Chinese customers: an apology with a callback offer where things went wrong.
/// </summary>
public sealed class TemplateReplySuggester : IReplySuggester
{
    private const string CallBack = "方便的话留一个联系电话和方便接听的时间，我们尽快给您回电。";

    private readonly IReadOnlyDictionary<string, string> _templates;

    public TemplateReplySuggester(IReadOnlyDictionary<string, string> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _templates = templates;
    }

    public static TemplateReplySuggester Default { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"negative:{DefaultTopics.Service}"] = "您好，非常抱歉这次的服务让您不满意，给您添麻烦了。我是人工客服，您的问题我会全程跟进。" + CallBack,
        [$"negative:{DefaultTopics.AfterSales}"] = "您好，非常抱歉售后的事让您费心了。我是人工客服，会全程跟进直到处理好。" + CallBack,
        [$"negative:{DefaultTopics.Delivery}"] = "您好，非常抱歉让您久等了。我是人工客服，马上帮您核实物流和交付的最新进度，查到后第一时间回复您。",
        [$"negative:{DefaultTopics.Quality}"] = "您好，很抱歉产品的问题给您带来了困扰。我是人工客服，麻烦您说一下具体情况，方便的话拍几张照片，我们尽快安排检测和处理。",
        [$"negative:{DefaultTopics.Price}"] = "您好，理解您对价格的顾虑。我是人工客服，帮您看看目前有没有更合适的优惠或方案，稍后回复您。",
        [$"negative:{DefaultTopics.RangeAnxiety}"] = "您好，理解您对续航的担心。我是人工客服，可以根据您的用车情况整理一份用车和充电建议。" + CallBack,
        [$"negative:{DefaultTopics.Charging}"] = "您好，抱歉充电的事给您添了麻烦。我是人工客服，帮您查一下附近可用的充电方案，稍后回复您。",
        ["negative"] = "您好，很抱歉给您带来了不好的体验。我是人工客服，已经看到您的消息，会尽快帮您处理。" + CallBack,
        ["positive"] = "您好，谢谢您的认可和支持！我是人工客服，之后有任何需要随时告诉我。",
        ["neutral"] = "您好，我是人工客服，已经看到您的消息，请问有什么可以帮您？",
    });

    public string? Suggest(ReplySituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return (situation.Topic is { } topic ? _templates.GetValueOrDefault($"{situation.Sentiment}:{topic}") : null)
            ?? _templates.GetValueOrDefault(situation.Sentiment)
            ?? _templates.GetValueOrDefault("neutral");
    }
}
