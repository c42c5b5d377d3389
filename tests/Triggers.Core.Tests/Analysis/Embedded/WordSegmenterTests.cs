using Triggers.Core.Analysis.Embedded;
using Triggers.Core.Analysis.Embedded.Segmentation;

namespace Triggers.Core.Tests.Analysis.Embedded;

/// <summary>jieba's dictionary and method: the most probable path through the words that fit.</summary>
public sealed class WordSegmenterTests
{
    private static string Split(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var ends = new int[normalized.Length];
        var ids = new int[normalized.Length];
        var count = WordSegmenter.Embedded.Words(normalized, ends, ids);
        var parts = new List<string>();
        var at = 0;
        for (var w = 0; w < count; w++)
        {
            for (; at < ends[w] - WordSegmenter.Embedded.LengthOf(ids[w]); at++)
            {
                parts.Add(normalized[at].ToString());
            }

            parts.Add(normalized[at..ends[w]]);
            at = ends[w];
        }

        for (; at < normalized.Length; at++)
        {
            parts.Add(normalized[at].ToString());
        }

        return string.Join('/', parts);
    }

    [Theory]
    [InlineData("我来到北京清华大学", "我/来到/北京/清华大学")]
    [InlineData("他来到了网易杭研大厦", "他/来到/了/网易/杭/研/大厦")]
    [InlineData("这款手机的屏幕非常清晰", "这/款/手机/的/屏幕/非常/清晰")]
    [InlineData("售后服务态度不好", "售后服务/态度/不好")]
    [InlineData("续航太差了但是外观很漂亮", "续航/太/差/了/但是/外观/很/漂亮")]
    public void Chinese_runs_split_into_the_words_jieba_finds(string text, string expected)
    {
        Assert.Equal(expected, Split(text));
    }

    [Fact]
    public void The_dictionary_holds_jiebas_words_and_text_outside_chinese_runs_is_left_alone()
    {
        Assert.InRange(WordSegmenter.Embedded.Count, 40_000, 50_000);
        Assert.Equal("o/k/,/ /g/o/o/d", Split("OK, good"));
        Assert.Equal("质量/ /n/i/c/e/ /好评", Split("质量 nice 好评"));
    }
}
