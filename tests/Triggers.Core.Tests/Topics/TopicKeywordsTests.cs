using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

public sealed class TopicKeywordsTests
{
    [Theory]
    [InlineData("续航, 里程 ,range")]
    [InlineData("续航，里程，range")]
    [InlineData("续航、里程、range")]
    [InlineData("续航\n里程\r\nrange\n")]
    [InlineData("""["续航", "里程", "range"]""")]
    [InlineData("续航,,里程,续航,range,")]
    public void Every_accepted_way_of_typing_keywords_gives_the_same_list(string cell)
    {
        Assert.True(TopicKeywords.TryParse(cell, out var keywords, out var error));
        Assert.Null(error);
        Assert.Equal(["续航", "里程", "range"], keywords);
    }

    [Fact]
    public void A_phrase_with_spaces_stays_one_keyword()
    {
        Assert.True(TopicKeywords.TryParse("range anxiety, value for money", out var keywords, out _));
        Assert.Equal(["range anxiety", "value for money"], keywords);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_cell_is_an_empty_list(string? cell)
    {
        Assert.True(TopicKeywords.TryParse(cell, out var keywords, out _));
        Assert.Empty(keywords);
    }

    [Fact]
    public void A_broken_json_array_is_an_error_that_says_how_to_write_it()
    {
        Assert.False(TopicKeywords.TryParse("""["续航", "里程" """, out _, out var error));
        Assert.Contains("JSON array", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_array_holding_a_number_is_an_error_naming_the_value()
    {
        Assert.False(TopicKeywords.TryParse("""["续航", 42]""", out _, out var error));
        Assert.Contains("42", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("range_anxiety", true)]
    [InlineData("after-sales", true)]
    [InlineData("续航", true)]
    [InlineData("range.anxiety", false)]
    [InlineData("range anxiety", false)]
    [InlineData("", false)]
    public void Topic_names_hold_only_letters_digits_underscores_and_hyphens(string name, bool valid)
    {
        Assert.Equal(valid, TopicNames.Check(name) is null);
    }
}
