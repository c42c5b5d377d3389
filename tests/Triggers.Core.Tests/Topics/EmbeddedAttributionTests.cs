using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

/// <summary>Clause attribution with the real default analyser scoring the clauses.</summary>
public sealed class EmbeddedAttributionTests
{
    private static readonly TopicLexicon Defaults = TopicLexicon.Compile(DefaultTopics.For("default"));
    private static readonly EmbeddedSentimentAnalyzer Analyzer = new();

    private static (string Topic, string Label)[] Attribute(string text) =>
        TopicAttribution.Attribute(text, Defaults.Find(text), clause => Analyzer.ScoreClause(clause))
            .Select(m => (m.Topic, m.Label))
            .ToArray();

    [Fact]
    public void Poor_range_but_good_looks_gives_range_anxiety_negative_and_design_positive()
    {
        Assert.Equal([("range_anxiety", "negative"), ("design", "positive")], Attribute("续航太差了但是颜值很高"));
    }

    [Fact]
    public void The_same_holds_in_traditional_characters()
    {
        Assert.Equal([("range_anxiety", "negative"), ("design", "positive")], Attribute("續航太差了但是顏值很高"));
    }

    [Fact]
    public void The_same_holds_in_english()
    {
        Assert.Equal([("range_anxiety", "negative"), ("design", "positive")], Attribute("The range is terrible, but the interior is beautiful"));
    }

    [Fact]
    public void Praise_for_service_and_a_complaint_about_delivery_are_told_apart()
    {
        Assert.Equal([("service", "positive"), ("delivery", "negative")], Attribute("客服态度非常好，就是物流太慢了"));
    }
}
