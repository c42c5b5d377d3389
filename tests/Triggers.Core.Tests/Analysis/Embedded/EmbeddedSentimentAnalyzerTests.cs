using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;

namespace Triggers.Core.Tests.Analysis.Embedded;

public sealed class EmbeddedSentimentAnalyzerTests
{
    private static readonly EmbeddedSentimentAnalyzer Analyzer = new();

    private static string Label(string text) => Analyzer.Analyze(text).Label;

    private static double Polarity(string text)
    {
        var scores = Analyzer.Analyze(text).Scores;
        return scores.Positive - scores.Negative;
    }

    [Theory]
    [InlineData("很满意", "不满意")]
    [InlineData("喜欢", "不喜欢")]
    [InlineData("推荐购买", "不推荐购买")]
    [InlineData("good quality", "not good quality")]
    [InlineData("I like it", "I don't like it")]
    [InlineData("it was worth it", "it was never worth it")]
    public void A_negator_flips_the_sentiment_term_after_it(string plain, string negated)
    {
        Assert.Equal("positive", Label(plain));
        Assert.Equal("negative", Label(negated));
    }

    [Fact]
    public void A_negator_reaches_only_a_short_window_and_stops_at_a_comma()
    {
        // 没 negates 问题 (problem) into praise; after the comma, 满意 stands on its own.
        Assert.Equal("positive", Label("没有问题，很满意"));
        Assert.True(Polarity("不是说，很好") > 0);
    }

    [Fact]
    public void Intensifiers_strengthen_and_diminishers_weaken()
    {
        Assert.True(Polarity("非常好") > Polarity("好"));
        Assert.True(Polarity("有点贵") > Polarity("太贵了"));
        Assert.True(Polarity("very bad") < Polarity("slightly bad"));
    }

    [Theory]
    [InlineData("续航太差了，但是颜值很高", "positive")]
    [InlineData("颜值很高，但是续航太差了", "negative")]
    [InlineData("The screen is great but the battery is terrible", "negative")]
    [InlineData("外观挺好看的。可是用了两天就坏了", "negative")]
    public void After_a_contrast_word_the_second_clause_decides(string text, string label) =>
        Assert.Equal(label, Label(text));

    [Theory]
    [InlineData("yyds", "positive")]
    [InlineData("绝绝子", "positive")]
    [InlineData("种草了", "positive")]
    [InlineData("真香", "positive")]
    [InlineData("主播666", "positive")]
    [InlineData("避雷！", "negative")]
    [InlineData("又踩雷了", "negative")]
    [InlineData("无语", "negative")]
    [InlineData("破防了", "negative")]
    [InlineData("纯纯智商税", "negative")]
    [InlineData("离谱，吐了", "negative")]
    [InlineData("又翻车了", "negative")]
    public void Comment_and_danmaku_slang_carries_sentiment(string text, string label) =>
        Assert.Equal(label, Label(text));

    [Theory]
    [InlineData("😍😍", "positive")]
    [InlineData("👍", "positive")]
    [InlineData("❤️❤️❤️", "positive")]
    [InlineData("^_^", "positive")]
    [InlineData("😡", "negative")]
    [InlineData("👎👎", "negative")]
    [InlineData("💩", "negative")]
    [InlineData("(╯°□°)╯︵ ┻━┻", "negative")]
    [InlineData("T_T", "negative")]
    [InlineData("orz", "negative")]
    public void Emoji_and_kaomoji_carry_sentiment(string text, string label) =>
        Assert.Equal(label, Label(text));

    [Theory]
    [InlineData("這個東西真的很讚", "这个东西真的很赞")]
    [InlineData("服務態度很差，不會再來了", "服务态度很差，不会再来了")]
    [InlineData("非常滿意，謝謝", "非常满意，谢谢")]
    public void Traditional_characters_read_like_simplified(string traditional, string simplified)
    {
        var expected = Analyzer.Analyze(simplified);
        var actual = Analyzer.Analyze(traditional);

        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Scores.Positive, actual.Scores.Positive, 9);
    }

    [Fact]
    public void Repeated_characters_add_emphasis_but_long_runs_stop_counting()
    {
        Assert.True(Polarity("好好好") > Polarity("好"));
        Assert.True(Polarity("太太太差了!!!") < Polarity("差"));
        Assert.Equal(Polarity("哈哈哈"), Polarity("哈哈哈哈哈哈哈哈哈哈哈哈"), 12);
        Assert.Equal("positive", Label("哈哈哈哈哈"));
    }

    [Theory]
    [InlineData("物流很快 but the box was damaged 😡", "negative")]
    [InlineData("quality很好，会回购 👍", "positive")]
    [InlineData("ＧＯＯＤ，ｖｅｒｙ ｎｉｃｅ", "positive")]
    public void Mixed_script_text_is_read_in_both_languages(string text, string label) =>
        Assert.Equal(label, Label(text));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_or_blank_text_is_neutral_with_certainty(string text)
    {
        var analysis = Analyzer.Analyze(text);

        Assert.Equal("neutral", analysis.Label);
        Assert.Equal(new SentimentScores(0, 1, 0), analysis.Scores);
        Assert.Empty(analysis.Sentences);
        Assert.Equal("embedded", analysis.Source);
    }

    [Theory]
    [InlineData("明天下午三点开会")]
    [InlineData("The meeting is on Tuesday.")]
    public void Text_without_sentiment_is_neutral(string text) => Assert.Equal("neutral", Label(text));

    [Theory]
    [InlineData("太棒了！不满意就退款，谢谢")]
    [InlineData("I don't love it, I hate it, terrible terrible")]
    [InlineData("好")]
    [InlineData("差差差差差差差差差差差差差差差差。差差差差差差。差差差差差差差差差。烂烂烂烂烂烂。垃圾垃圾垃圾")]
    public void Scores_sum_to_one_for_the_text_and_every_sentence(string text)
    {
        var analysis = Analyzer.Analyze(text);

        foreach (var scores in analysis.Sentences.Select(s => s.Scores).Append(analysis.Scores))
        {
            Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 12);
            Assert.InRange(scores.Neutral, 0, 1);
        }
    }

    [Fact]
    public void Sentences_carry_their_text_offset_and_own_label()
    {
        const string text = "质量很好。  物流太慢了！Thanks a lot.";

        var sentences = Analyzer.Analyze(text).Sentences;

        Assert.Equal(["质量很好。", "物流太慢了！", "Thanks a lot."], sentences.Select(s => s.Text));
        Assert.Equal([0, 7, 13], sentences.Select(s => s.Offset));
        Assert.Equal(["positive", "negative", "positive"], sentences.Select(s => s.Label));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Offset, s.Text.Length)));
    }

    [Fact]
    public void A_one_megabyte_text_is_analysed_whole()
    {
        // 1 MB of repeated complaints without one sentence end: the splitter cuts it into bounded pieces.
        var text = string.Concat(Enumerable.Repeat("质量太差了一点都不好用", 100_000));

        var analysis = Analyzer.Analyze(text);

        Assert.Equal("negative", analysis.Label);
        Assert.Equal(text.Length, analysis.Sentences.Sum(s => s.Text.Length));
        Assert.All(analysis.Sentences, s => Assert.InRange(s.Text.Length, 1, SentenceSplitter.MaxLength));
    }

    [Fact]
    public void ScoreClause_scores_one_clause_as_Analyze_scores_its_sentence()
    {
        Assert.Equal(Analyzer.Analyze("续航太差了").Scores, Analyzer.ScoreClause("续航太差了"));
        Assert.True(Analyzer.ScoreClause("颜值很高").Positive > 0.5);
    }

    [Fact]
    public async Task The_port_answers_with_source_embedded_and_no_topics()
    {
        ITextAnalyzer port = Analyzer;

        var analysis = await port.AnalyzeAsync("很好用，非常喜欢", "zh", TestContext.Current.CancellationToken);

        Assert.Equal("positive", analysis.Label);
        Assert.Equal("embedded", analysis.Source);
        Assert.Empty(analysis.Topics);
    }
}
