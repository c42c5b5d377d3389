using Triggers.Core.Analysis.Embedded;

namespace Triggers.Core.Tests.Analysis.Embedded;

/// <summary>Emoticon codes, hashtags and mentions in social posts (issue 17): read as markup, not as the words in their names.</summary>
public sealed class SocialMarkupTests
{
    private static readonly EmbeddedSentimentAnalyzer Analyzer = new();

    private static double Polarity(string text)
    {
        var scores = Analyzer.Analyze(text).Scores;
        return scores.Positive - scores.Negative;
    }

    [Theory]
    [InlineData("[微笑]好的", 0, 4)]
    [InlineData("好的[哭惹r]", 2, 5)]
    [InlineData("#新车首发#太好看了", 0, 6)]
    [InlineData("#evlife so good", 0, 7)]
    [InlineData("@小王 快来", 0, 3)]
    [InlineData("@小王，快来", 0, 3)]
    [InlineData("[]", 0, 0)]
    [InlineData("[这不是一个表情因为它实在太长了吧]", 0, 0)]
    [InlineData("[a b]", 0, 0)]
    [InlineData("##", 0, 0)]
    [InlineData("a#b", 1, 2)]
    public void Markup_spans_a_code_a_hashtag_or_a_mention_and_nothing_else(string text, int at, int length)
    {
        Assert.Equal(length, SocialMarkup.Length(text, at));
    }

    [Fact]
    public void A_smile_code_reads_as_the_cold_smile_it_is_on_chinese_platforms_not_as_the_word_smile()
    {
        Assert.True(Polarity("微笑") > 0, "the word 微笑 itself is positive");
        Assert.True(Polarity("[微笑]") < 0);
        Assert.True(Polarity("又延期了[微笑]") < Polarity("又延期了"));
    }

    [Theory]
    [InlineData("[赞]", 1)]
    [InlineData("[比心]", 1)]
    [InlineData("[赞R]", 1)]
    [InlineData("[怒]", -1)]
    [InlineData("[裂开]", -1)]
    [InlineData("[失望R]", -1)]
    public void Listed_emoticon_codes_carry_the_valence_the_list_gives_them(string code, int sign)
    {
        Assert.Equal(sign, Math.Sign(Polarity(code)));
    }

    [Theory]
    [InlineData("[开心大笑]")]
    [InlineData("#垃圾分类#")]
    [InlineData("#greatday")]
    [InlineData("@开心果")]
    [InlineData("[doge]")]
    public void Hashtags_mentions_and_codes_the_list_does_not_name_carry_no_sentiment(string text)
    {
        Assert.Equal("neutral", Analyzer.Analyze(text).Label);
    }

    [Fact]
    public void The_learned_model_is_trained_on_no_characters_inside_markup_as_it_reads_none()
    {
        static HashSet<uint> Of(string text)
        {
            var into = new HashSet<uint>();
            CharFeatures.Collect(TextNormalizer.Normalize(text), into);
            return into;
        }

        Assert.Empty(Of("[哈哈]#开心#@快乐小店"));
        Assert.Equal(Of("太好了"), Of("太好了[哈哈]#开心#"));
        Assert.Equal(2, Of("哈哈").Count); // 哈 and 哈哈
    }

    [Fact]
    public void Repeated_question_marks_press_rather_than_ask()
    {
        // A plain question keeps a fifth of its learned evidence; ?? is exasperation and keeps all of it.
        Assert.True(Polarity("退款怎么还没到账??") < Polarity("退款怎么还没到账?"));
    }

    [Theory]
    [InlineData("lol")]
    [InlineData("omg this is awesome")]
    [InlineData(":D")]
    public void Social_english_from_the_vader_lexicon_is_read(string text)
    {
        Assert.True(Polarity(text) > 0);
    }

    [Theory]
    [InlineData("外卖送到都凉了", -1)]
    [InlineData("汤洒了一半，包装破损", -1)]
    [InlineData("吃出头发，再也不点了", -1)]
    [InlineData("分量很足，送餐很快", 1)]
    [InlineData("外酥里嫩，很下饭", 1)]
    public void Food_delivery_reviews_are_read_by_their_own_words(string text, int sign)
    {
        Assert.Equal(sign, Math.Sign(Polarity(text)));
    }

    [Theory]
    [InlineData("真是太好了呢[微笑]", "真是太好了呢")]
    [InlineData("服务真行[微笑]", "服务真好")]
    [InlineData("great, another delay 🙃", "great, another delay")]
    [InlineData("oh wonderful, yeah right", "oh wonderful")]
    public void An_irony_marker_turns_the_praise_of_its_sentence_into_complaint(string ironic, string plain)
    {
        Assert.True(Polarity(plain) > 0, $"'{plain}' alone is praise");
        Assert.True(Polarity(ironic) < 0, $"'{ironic}' is a complaint");
    }

    [Fact]
    public void An_irony_marker_alone_or_after_a_complaint_stays_a_mild_complaint()
    {
        Assert.True(Polarity("[微笑]") < 0);
        Assert.True(Polarity("又坏了🙃") < 0);
    }
}
