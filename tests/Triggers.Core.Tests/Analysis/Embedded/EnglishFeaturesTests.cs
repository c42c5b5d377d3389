using Triggers.Core.Analysis.Embedded;

namespace Triggers.Core.Tests.Analysis.Embedded;

/// <summary>The learned model's English features: words, negated words and neighbouring pairs.</summary>
public sealed class EnglishFeaturesTests
{
    private static HashSet<uint> Features(string text)
    {
        var into = new HashSet<uint>();
        EnglishFeatures.Collect(TextNormalizer.Normalize(text), into);
        return into;
    }

    [Fact]
    public void A_word_after_a_negator_in_its_clause_is_another_feature_than_the_word_alone()
    {
        var plain = Features("good");
        var negated = Features("not good");
        var both = Features("not good. good");

        Assert.Single(plain);
        Assert.Empty(plain.Intersect(negated));
        Assert.Superset(plain, both);
        Assert.Superset(negated, both);
    }

    [Fact]
    public void Contractions_stay_one_word_and_negate_what_follows()
    {
        var contracted = Features("don't like");
        var spelled = Features("not like");

        Assert.Equal(3, contracted.Count); // don't, negated like, the pair
        Assert.NotEmpty(contracted.Intersect(spelled)); // the negated "like"
        Assert.Empty(contracted.Intersect(Features("like")));
    }

    [Fact]
    public void Neighbouring_words_make_a_pair_and_punctuation_or_other_characters_between_them_do_not()
    {
        Assert.Equal(3, Features("very good").Count);
        Assert.Equal(2, Features("very, good").Count);
        Assert.Equal(2, Features("very 很 good").Count);
        Assert.Equal(Features("Very GOOD"), Features("very good"));
    }

    [Fact]
    public void Hashtags_mentions_and_emoticon_codes_give_no_english_features()
    {
        Assert.Empty(Features("#love @happyteam [good]"));
        Assert.Single(Features("#love love"));
    }

    [Fact]
    public void English_keys_lie_below_the_chinese_character_keys()
    {
        var keys = Features("the quick brown fox didn't jump over the lazy dog, never again");

        Assert.Equal(22, keys.Count); // 12 words (the second "the" is negated), 10 pairs
        Assert.All(keys, k => Assert.True(EnglishFeatures.IsKey(k) && k < CharFeatures.Unigram('\u4E00') && (k >> 16) > 2, $"{k:X8}"));
    }
}
