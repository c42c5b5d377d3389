using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

public sealed class ClausesTests
{
    private static string[] Texts(string text) => Clauses.Split(text).Select(c => text.Substring(c.Start, c.Length)).ToArray();

    [Fact]
    public void A_contrast_word_starts_a_new_clause_even_without_punctuation()
    {
        Assert.Equal(["续航太差了", "但是颜值很高"], Texts("续航太差了但是颜值很高"));
    }

    [Fact]
    public void Chinese_punctuation_splits_clauses_and_the_punctuation_belongs_to_none()
    {
        Assert.Equal(["物流很快", "客服态度好", "就是贵", "退款呢"], Texts("物流很快，客服态度好。就是贵！退款呢？"));
    }

    [Fact]
    public void English_but_after_a_comma_opens_the_second_clause()
    {
        Assert.Equal(["The range is great", "but charging is slow"], Texts("The range is great, but charging is slow."));
    }

    [Fact]
    public void English_contrast_words_split_only_as_whole_words_in_any_case()
    {
        Assert.Equal(["I love the butter smell"], Texts("I love the butter smell"));
        Assert.Equal(["Looks nice", "HOWEVER it rattles"], Texts("Looks nice HOWEVER it rattles"));
        Assert.Equal(["I bought it", "even though it is expensive"], Texts("I bought it even though it is expensive"));
    }

    [Fact]
    public void Not_only_and_not_merely_do_not_split_but_merely_does()
    {
        Assert.Equal(["不但便宜而且好看"], Texts("不但便宜而且好看"));
        Assert.Equal(["不只是外观好"], Texts("不只是外观好"));
        Assert.Equal(["很好", "只不过有点贵"], Texts("很好只不过有点贵"));
    }

    [Fact]
    public void Decimal_points_and_thousands_separators_stay_inside_their_clause()
    {
        Assert.Equal(["充满要3.5小时", "跑了1,000公里"], Texts("充满要3.5小时, 跑了1,000公里"));
    }

    [Fact]
    public void Clauses_are_trimmed_and_their_offsets_point_into_the_original_text()
    {
        // 0-1 spaces, 2-3 好的, 4 space, 5 '，', 6-7 spaces, 8 差, 9 space
        Assert.Equal([(2, 2), (8, 1)], Clauses.Split("  好的 ，  差 "));
    }

    [Fact]
    public void Empty_text_and_text_of_only_punctuation_have_no_clauses()
    {
        Assert.Empty(Clauses.Split(""));
        Assert.Empty(Clauses.Split("，。 \n!!"));
    }

    [Fact]
    public void Text_without_any_boundary_is_one_clause()
    {
        Assert.Equal([(0, 6)], Clauses.Split("颜值真的很高"));
    }
}
