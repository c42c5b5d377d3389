using Triggers.Core.Analysis;
using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

public sealed class TopicAttributionTests
{
    private static readonly TopicLexicon Defaults = TopicLexicon.Compile(DefaultTopics.For("default"));
    private static readonly SentimentScores Positive = new(0.8, 0.15, 0.05);
    private static readonly SentimentScores Negative = new(0.05, 0.15, 0.8);
    private static readonly SentimentScores Neutral = new(0.1, 0.8, 0.1);

    /// <summary>A scorer that knows only the clauses it is given, so a test also proves which clauses were scored.</summary>
    private static Func<string, SentimentScores> Scorer(Dictionary<string, SentimentScores> clauses, List<string>? calls = null) =>
        clause =>
        {
            calls?.Add(clause);
            return clauses.TryGetValue(clause, out var scores) ? scores : throw new InvalidOperationException($"unexpected clause '{clause}'");
        };

    private static IReadOnlyList<TopicMention> Attribute(TopicLexicon lexicon, string text, Func<string, SentimentScores> scorer) =>
        TopicAttribution.Attribute(text, lexicon.Find(text), scorer);

    [Fact]
    public void Each_topic_takes_the_sentiment_of_its_own_clause_not_of_the_whole_text()
    {
        var scorer = Scorer(new() { ["续航太差了"] = Negative, ["但是颜值很高"] = Positive });

        var mentions = Attribute(Defaults, "续航太差了但是颜值很高", scorer);

        Assert.Equal(
            [
                new TopicMention("range_anxiety", "续航", "续航太差了", "negative", Negative),
                new TopicMention("design", "颜值", "但是颜值很高", "positive", Positive),
            ],
            mentions);
    }

    [Fact]
    public void A_topic_named_in_several_clauses_keeps_the_most_opinionated_one()
    {
        var mild = new SentimentScores(0.5, 0.4, 0.1);
        var scorer = Scorer(new() { ["价格还行"] = mild, ["就是太贵了"] = new(0.02, 0.08, 0.9), ["优惠不多"] = new(0.1, 0.3, 0.6) });

        var mention = Assert.Single(Attribute(Defaults, "价格还行，就是太贵了，优惠不多", scorer));

        Assert.Equal(("price", "贵", "就是太贵了", "negative"), (mention.Topic, mention.Keyword, mention.Clause, mention.Label));
    }

    [Fact]
    public void A_negative_only_topic_is_dropped_from_positive_and_neutral_clauses()
    {
        var lexicon = TopicLexicon.Compile([new TopicDefinition("t", "price_complaint", ["价格"], NegativeOnly: true)]);
        var scorer = Scorer(new() { ["价格很好"] = Positive, ["价格一般"] = Neutral, ["价格离谱"] = Negative });

        Assert.Empty(Attribute(lexicon, "价格很好", scorer));
        Assert.Empty(Attribute(lexicon, "价格一般", scorer));
        var mention = Assert.Single(Attribute(lexicon, "价格很好，价格离谱", scorer));
        Assert.Equal(("价格离谱", "negative"), (mention.Clause, mention.Label));
    }

    [Fact]
    public void A_clause_holding_several_keywords_is_scored_once()
    {
        var calls = new List<string>();
        var scorer = Scorer(new() { ["续航和电池都很差"] = Negative }, calls);

        var mention = Assert.Single(Attribute(Defaults, "续航和电池都很差", scorer));

        Assert.Equal(["续航和电池都很差"], calls);
        Assert.Equal("续航", mention.Keyword); // the first of equally strong occurrences
    }

    [Fact]
    public void Mentions_come_in_order_of_each_topics_first_appearance()
    {
        var scorer = Scorer(new() { ["物流快"] = Positive, ["客服差"] = Negative, ["物流也便宜"] = Positive });

        var mentions = Attribute(Defaults, "物流快，客服差，物流也便宜", scorer);

        Assert.Equal(["delivery", "service", "price"], mentions.Select(m => m.Topic));
    }

    [Fact]
    public void Without_hits_nothing_is_scored()
    {
        var calls = new List<string>();

        Assert.Empty(Attribute(Defaults, "今天天气不错", Scorer([], calls)));
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData(0.6, 0.3, 0.1, "positive")]
    [InlineData(0.1, 0.3, 0.6, "negative")]
    [InlineData(0.2, 0.6, 0.2, "neutral")]
    [InlineData(0.45, 0.1, 0.45, "neutral")]
    [InlineData(0.45, 0.45, 0.1, "neutral")]
    public void A_clause_label_is_its_largest_score_and_a_tie_at_the_top_is_neutral(double positive, double neutral, double negative, string label)
    {
        Assert.Equal(label, TopicAttribution.LabelOf(new SentimentScores(positive, neutral, negative)));
    }
}
