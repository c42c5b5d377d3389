using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

public sealed class TopicLexiconTests
{
    private static readonly TopicLexicon Defaults = TopicLexicon.Compile(DefaultTopics.For("default"));

    private static string[] Found(TopicLexicon lexicon, string text) =>
        lexicon.Find(text).Select(h => $"{h.Topic}:{h.Keyword}").ToArray();

    [Fact]
    public void Each_keyword_hit_carries_the_clause_it_sits_in()
    {
        var hits = Defaults.Find("续航太差了但是颜值很高");

        Assert.Equal(2, hits.Count);
        Assert.Equal(new TopicHit("range_anxiety", "续航", 0, 5, false), hits[0]);
        Assert.Equal(new TopicHit("design", "颜值", 5, 6, false), hits[1]);
    }

    [Fact]
    public void Latin_keywords_match_in_any_case_and_in_full_width_letters()
    {
        Assert.Equal(["range_anxiety:range"], Found(Defaults, "The RANGE is poor"));
        Assert.Equal(["range_anxiety:range"], Found(Defaults, "ＲＡＮＧＥ太短"));
    }

    [Fact]
    public void Latin_keywords_match_whole_words_with_a_plural_s_allowed()
    {
        Assert.Empty(Defaults.Find("please arrange a meeting"));
        Assert.Equal(["price:price"], Found(Defaults, "prices went up again"));
        Assert.Equal(["quality:defect"], Found(Defaults, "two defects in a week"));
        Assert.Empty(Defaults.Find("priceless"));
    }

    [Fact]
    public void The_longest_keyword_wins_where_keywords_overlap()
    {
        Assert.Equal(["after_sales:售后服务"], Found(Defaults, "售后服务很差"));
        Assert.Equal(["after_sales:after-sales service"], Found(Defaults, "After-sales service was slow"));
        Assert.Equal(["quality:build quality"], Found(Defaults, "build quality is superb"));
    }

    [Fact]
    public void Traditional_characters_in_the_text_match_simplified_keywords()
    {
        Assert.Equal(["range_anxiety:续航", "price:价格", "price:贵"], Found(Defaults, "續航太差，價格太貴"));
        Assert.Equal(["after_sales:售后", "design:颜值"], Found(Defaults, "售後很好，顏值也高"));
    }

    [Fact]
    public void A_traditional_keyword_typed_by_staff_matches_simplified_text_and_keeps_its_own_spelling()
    {
        var lexicon = TopicLexicon.Compile([new TopicDefinition("t", "range", ["續航"], false)]);

        Assert.Equal(["range:續航"], Found(lexicon, "续航还行"));
    }

    [Fact]
    public void A_keyword_shared_by_two_topics_gives_a_hit_for_each()
    {
        var hits = Defaults.Find("充电太慢");

        Assert.Equal(["range_anxiety:充电", "charging:充电"], hits.Select(h => $"{h.Topic}:{h.Keyword}"));
        Assert.All(hits, h => Assert.Equal((0, 4), (h.ClauseStart, h.ClauseLength)));
    }

    [Fact]
    public void Every_occurrence_is_reported_in_text_order()
    {
        var hits = Defaults.Find("电池不行，电池还贵");

        Assert.Equal(["range_anxiety:电池", "range_anxiety:电池", "price:贵"], hits.Select(h => $"{h.Topic}:{h.Keyword}"));
        Assert.Equal([0, 5, 5], hits.Select(h => h.ClauseStart));
    }

    [Fact]
    public void A_keyword_beginning_with_a_digit_matches_whatever_its_case()
    {
        Assert.Equal(["after_sales:4s店"], Found(Defaults, "去4S店看了"));
    }

    [Fact]
    public void Blank_keywords_are_skipped_and_a_topic_named_twice_merges_its_keywords()
    {
        var lexicon = TopicLexicon.Compile(
        [
            new TopicDefinition("t", "range", [" 续航 ", "", "  "], false),
            new TopicDefinition("t", "range", ["里程", "续航"], false),
        ]);

        var topic = Assert.Single(lexicon.Topics);
        Assert.Equal(["续航", "里程"], topic.Keywords);
        Assert.Equal(["range:续航", "range:里程"], Found(lexicon, "续航和里程"));
    }

    [Fact]
    public void Negative_only_is_carried_from_the_topic_onto_its_hits()
    {
        var lexicon = TopicLexicon.Compile([new TopicDefinition("t", "complaint", ["投诉"], NegativeOnly: true)]);

        Assert.True(Assert.Single(lexicon.Find("我要投诉")).NegativeOnly);
    }

    [Fact]
    public void Empty_text_and_an_empty_lexicon_find_nothing()
    {
        Assert.Empty(Defaults.Find(""));
        Assert.Empty(TopicLexicon.Empty.Find("续航太差"));
    }

    [Fact]
    public void Finding_nothing_in_a_text_allocates_nothing()
    {
        const string text = "今天天气不错，我们出去走走吧 and have a nice walk";
        Assert.Empty(Defaults.Find(text)); // warm up: JIT, the pool's per-thread cache

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = Defaults.Find(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(hits);
        Assert.Equal(0, allocated);
    }
}
