using Triggers.Core.Topics;

namespace Triggers.Core.Tests.Topics;

public sealed class DefaultTopicsTests
{
    [Fact]
    public void The_default_set_has_the_eight_documented_topics_for_the_given_tenant()
    {
        var topics = DefaultTopics.For("acme");

        Assert.Equal(
            ["range_anxiety", "charging", "price", "quality", "service", "delivery", "design", "after_sales"],
            topics.Select(t => t.Name));
        Assert.All(topics, t => Assert.Equal("acme", t.Tenant));
        Assert.All(topics, t => Assert.False(t.NegativeOnly));
        Assert.All(topics, t => Assert.Null(TopicNames.Check(t.Name)));
    }

    [Theory]
    [InlineData("冬天掉电好快", "range_anxiety")]
    [InlineData("找不到充电桩", "charging")]
    [InlineData("性价比很高", "price")]
    [InlineData("way too expensive", "price")]
    [InlineData("开了一个月就有异响", "quality")]
    [InlineData("客服态度很好", "service")]
    [InlineData("等车等了三个月", "delivery")]
    [InlineData("the interior feels cheap", "design")]
    [InlineData("退款一直不到账", "after_sales")]
    [InlineData("still waiting for my refund", "after_sales")]
    public void Typical_chinese_and_english_remarks_find_their_topic(string text, string topic)
    {
        var lexicon = TopicLexicon.Compile(DefaultTopics.For("default"));

        Assert.Contains(topic, lexicon.Find(text).Select(h => h.Topic));
    }

    [Fact]
    public void Every_default_keyword_is_found_in_its_own_traditional_spelling()
    {
        // The folding table covers the characters the defaults use: write each keyword back in traditional form.
        const string simplified = "续里电亏桩窝虚标虑补换枪进价钱贵优涨划实报质异响坏务态销顾问导购专员递发货车观颜设计内饰丑难线条后维养厂权";
        const string traditional = "續裡電虧樁窩虛標慮補換槍進價錢貴優漲劃實報質異響壞務態銷顧問導購專員遞發貨車觀顏設計內飾醜難線條後維養廠權";
        var lexicon = TopicLexicon.Compile(DefaultTopics.For("default"));
        foreach (var topic in DefaultTopics.For("default"))
        {
            foreach (var keyword in topic.Keywords)
            {
                var spelled = string.Concat(keyword.Select(c => simplified.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? traditional[i] : c));
                Assert.Contains(lexicon.Find(spelled), h => h.Topic == topic.Name);
            }
        }
    }
}
