using Triggers.Core.Analysis;

namespace Triggers.Core.Tests.Analysis;

public sealed class PlaceholderAnalyzerTests
{
    private static readonly PlaceholderAnalyzer Analyzer = new();

    // Scores are weights normalised to 1: one per positive word, one per negative word,
    // and 0.5 plus the number of cancelling pairs for neutral.
    [Theory]
    [InlineData("质量很好，非常喜欢", "positive", 0.8, 0.2, 0.0)]
    [InlineData("不好用，太失望了", "negative", 0.0, 0.2, 0.8)]
    [InlineData("good", "positive", 2.0 / 3, 1.0 / 3, 0.0)]
    [InlineData("Not good at all", "negative", 0.0, 1.0 / 3, 2.0 / 3)]
    [InlineData("great but slow", "neutral", 1 / 3.5, 1.5 / 3.5, 1 / 3.5)]
    [InlineData("还不错", "positive", 2.0 / 3, 1.0 / 3, 0.0)]
    [InlineData("你好，请问什么时候发货", "neutral", 0.0, 1.0, 0.0)]
    public async Task Counts_sentiment_words_with_negation(string text, string label, double positive, double neutral, double negative)
    {
        var analysis = await Analyzer.AnalyzeAsync(text, language: null, TestContext.Current.CancellationToken);

        Assert.Equal(label, analysis.Label);
        Assert.Equal(positive, analysis.Scores.Positive, 9);
        Assert.Equal(neutral, analysis.Scores.Neutral, 9);
        Assert.Equal(negative, analysis.Scores.Negative, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("太棒了！不满意就退款，谢谢")]
    [InlineData("I don't love it, I hate it, terrible terrible")]
    public void Scores_always_sum_to_one_and_name_their_source(string text)
    {
        var analysis = PlaceholderAnalyzer.Analyze(text);

        Assert.Equal(1.0, analysis.Scores.Positive + analysis.Scores.Neutral + analysis.Scores.Negative, 12);
        Assert.Equal("placeholder", analysis.Source);
        Assert.Empty(analysis.Topics);
    }

    [Fact]
    public async Task A_cancelled_call_does_not_analyse()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Analyzer.AnalyzeAsync("good", null, cancelled.Token));
    }
}
