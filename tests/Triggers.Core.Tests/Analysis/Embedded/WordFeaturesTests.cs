using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Analysis.Embedded.Segmentation;

namespace Triggers.Core.Tests.Analysis.Embedded;

/// <summary>The learned model's Chinese word features: long words and negated words on jieba's path.</summary>
public sealed class WordFeaturesTests
{
    private static HashSet<uint> Features(string text)
    {
        var into = new HashSet<uint>();
        WordFeatures.Collect(TextNormalizer.Normalize(text), WordSegmenter.Embedded, into);
        return into;
    }

    [Fact]
    public void Words_of_three_or_more_characters_are_features_and_two_character_words_are_left_to_the_bigrams()
    {
        // 售后服务/态度/不好: only 售后服务 is long enough, and 不好 follows no negator.
        var keys = Features("售后服务态度不好");

        var key = Assert.Single(keys);
        Assert.True(WordFeatures.IsWordKey(key));
        Assert.Equal(1u, key >> 16);
        Assert.Empty(Features("续航太差了但是外观很漂亮"));
    }

    [Fact]
    public void A_word_right_after_a_negator_is_a_negated_feature()
    {
        var keys = Features("外观不漂亮");

        Assert.Contains(keys, k => k >> 16 == 2);
        Assert.DoesNotContain(Features("外观很漂亮"), k => k >> 16 == 2);
    }

    [Theory]
    [InlineData("外观不漂亮", true)]
    [InlineData("没有问题", true)]
    [InlineData("不太满意", true)]
    [InlineData("毫无意义", true)]
    [InlineData("特别喜欢", false)]
    [InlineData("是不是喜欢", false)]
    [InlineData("很满意", false)]
    public void A_word_is_negated_only_after_a_negator_on_the_segmenters_path_not_after_a_word_that_ends_in_one(string text, bool negated)
    {
        Assert.Equal(negated, Features(text).Any(k => k >> 16 == 2));
    }

    [Fact]
    public void Words_inside_emoticon_codes_and_hashtags_are_not_features()
    {
        Assert.Empty(Features("[售后服务]#售后服务#"));
        Assert.Equal(Features("售后服务"), Features("[哈哈]售后服务"));
    }

    [Fact]
    public void Word_keys_lie_below_the_chinese_character_keys_and_apart_from_the_english_ones()
    {
        Assert.True(WordSegmenter.Embedded.Count < 0x1_0000, "word ids must fit the low half of a key");
        var keys = Features("售后服务不漂亮");
        Assert.All(keys, k => Assert.True(k < CharFeatures.Unigram('\u4E00') && !EnglishFeatures.IsKey(k), $"{k:X8}"));
    }
}
