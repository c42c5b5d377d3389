using Triggers.Core.Analysis.Embedded;

namespace Triggers.Core.Tests.Analysis.Embedded;

public sealed class SocialTextTests
{
    private static readonly EmbeddedSentimentAnalyzer Analyzer = new();

    [Theory]
    [InlineData("请问什么时候发货")]
    [InlineData("请问什么时候发货？")]
    [InlineData("今天天气怎么样？")]
    public void A_question_without_sentiment_words_is_neutral(string text)
    {
        Assert.Equal("neutral", Analyzer.Analyze(text).Label);
    }

    [Theory]
    [InlineData("好极了", "好")]
    [InlineData("好看得很", "好看")]
    [InlineData("开心到飞起", "开心")]
    public void A_post_positional_intensifier_makes_praise_stronger(string intensified, string plain)
    {
        Assert.True(Analyzer.Analyze(intensified).Scores.Positive > Analyzer.Analyze(plain).Scores.Positive);
    }

    [Fact]
    public void A_post_positional_intensifier_makes_disappointment_stronger()
    {
        Assert.True(Analyzer.Analyze("失望透顶").Scores.Negative > Analyzer.Analyze("失望").Scores.Negative);
    }

    [Theory]
    [InlineData("今天好难过")]
    [InlineData("加班到半夜，真的崩溃")]
    [InlineData("又下雨了，好郁闷")]
    public void Everyday_complaints_read_negative(string text)
    {
        Assert.Equal("negative", Analyzer.Analyze(text).Label);
    }

    [Theory]
    [InlineData("我家狗狗太可爱了")]
    [InlineData("收到朋友的礼物，好感动")]
    [InlineData("这个视频笑死我了")]
    public void Everyday_joys_read_positive(string text)
    {
        Assert.Equal("positive", Analyzer.Analyze(text).Label);
    }
}
