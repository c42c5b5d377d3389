using Triggers.Core.Analysis.Embedded.Lexicon;

namespace Triggers.Core.Tests.Analysis;

public sealed class LexiconDataTests
{
    private const string Prefix = "Triggers.Core.Analysis.Embedded.Lexicon.";

    public static TheoryData<string> Lists() =>
        [.. typeof(HandLexicon).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..^".txt".Length])];

    [Fact]
    public void All_fifteen_word_lists_are_embedded_as_data()
    {
        Assert.Equal(15, Lists().Count);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Each_word_list_says_who_wrote_it_or_where_it_comes_from_under_which_licence_and_has_entries(string list)
    {
        var text = LexiconData.Read(list);
        var notes = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();

        Assert.NotEmpty(notes);
        var said = string.Join(' ', notes);
        Assert.True(
            said.Contains("Hand-written by the Triggers team", StringComparison.Ordinal)
            || (said.Contains("Source:", StringComparison.Ordinal) && (said.Contains("licence", StringComparison.Ordinal) || said.Contains("licensed", StringComparison.Ordinal))),
            $"{list}.txt must open with who wrote it, or its source and licence");
        Assert.NotEmpty(LexiconData.Lines(list));
    }

    [Fact]
    public void Sentiment_lists_give_values_on_the_AFINN_scale()
    {
        var sentiment = HandLexicon.Entries().Where(e => e.Kind == TermKind.Sentiment).ToList();

        Assert.True(sentiment.Count > 500, $"{sentiment.Count} sentiment terms");
        Assert.All(sentiment, e => Assert.InRange(e.Value, -5f, 5f));
        Assert.Contains(sentiment, e => e.Term == "失望" && e.Value < 0);
    }
}
