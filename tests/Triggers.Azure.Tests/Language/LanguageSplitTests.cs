using System.Globalization;
using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

public sealed class LanguageSplitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 很好👍🏽。 is 4 text elements and 7 UTF-16 units (the thumbs-up with skin tone is one element, four units);
    // 很差。 is 3 of each. 1,000 + 373 of them make 5,119 elements, and 好吧 (no sentence end) brings it to 5,121.
    private const string Good = "很好👍🏽。";
    private const string Bad = "很差。";
    private static readonly string LongText = string.Concat(Enumerable.Repeat(Good, 1000)) + string.Concat(Enumerable.Repeat(Bad, 373)) + "好吧";

    [Fact]
    public async Task A_5121_element_document_is_sent_as_two_pieces_cut_at_the_last_sentence_end_that_fits()
    {
        Assert.Equal(5121, new StringInfo(LongText).LengthInTextElements);
        await using var service = await FakeLanguageService.StartAsync();

        var result = (await LanguageClients.For(service).AnalyzeSentimentAsync([new LanguageDocument("long", LongText, "zh-hans")], Ct))[0];

        var pieces = Assert.Single(service.Requests).Documents.Select(d => d!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, pieces.Count);
        Assert.Equal(5119, new StringInfo(pieces[0]).LengthInTextElements);
        Assert.EndsWith("。", pieces[0], StringComparison.Ordinal);
        Assert.Equal("好吧", pieces[1]);
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public async Task The_pieces_merge_into_length_weighted_scores_and_sentences_with_offsets_into_the_whole_text()
    {
        await using var service = await FakeLanguageService.StartAsync();

        var analysis = (await LanguageClients.For(service).AnalyzeSentimentAsync([new LanguageDocument("long", LongText, "zh-hans")], Ct))[0].Analysis!;

        // Piece 1 (5,119 elements): 1,000 of 1,373 sentences positive, 373 negative. Piece 2 (2 elements): neutral.
        Assert.Equal(5119.0 * 1000 / 1373 / 5121, analysis.Scores.Positive, 12);
        Assert.Equal(5119.0 * 373 / 1373 / 5121, analysis.Scores.Negative, 12);
        Assert.Equal(2.0 / 5121, analysis.Scores.Neutral, 12);
        Assert.Equal("positive", analysis.Label);
        Assert.Equal(1374, analysis.Sentences.Count);
        Assert.All(analysis.Sentences, s => Assert.Equal(s.Text, LongText.Substring(s.Offset, s.Text.Length)));
        Assert.Equal(("好吧", 7 * 1000 + 3 * 373), (analysis.Sentences[^1].Text, analysis.Sentences[^1].Offset));
    }

    [Fact]
    public void A_text_without_sentence_ends_or_spaces_is_cut_between_text_elements_never_inside_one()
    {
        var text = string.Concat(Enumerable.Repeat("👍🏽", 5121));

        var pieces = DocumentSplitter.Split(text, DocumentSplitter.MaxTextElements, 100_000);

        Assert.Equal([5120, 1], pieces.Select(p => p.Elements));
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.Equal(5120 * 4, pieces[1].Offset);
    }

    [Fact]
    public void Without_a_sentence_end_the_cut_falls_after_the_last_space_that_fits()
    {
        // 1,000 words of 6 letters and a space: 7,000 elements; the 731st space ends at element 5,117.
        var text = string.Concat(Enumerable.Repeat("abcdef ", 1000));

        var pieces = DocumentSplitter.Split(text, DocumentSplitter.MaxTextElements, 100_000);

        Assert.Equal([5117, 1883], pieces.Select(p => p.Elements));
        Assert.EndsWith(" ", pieces[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_point_is_not_a_sentence_end()
    {
        // 5,110 letters, then " pi is 3.14 ok": the 5,120-element window ends at "3.1", and its only "." is inside 3.14,
        // so the cut falls after the space before 3.14 instead of after "3.".
        var text = new string('x', 5110) + " pi is 3.14 ok";

        var pieces = DocumentSplitter.Split(text, DocumentSplitter.MaxTextElements, 100_000);

        Assert.Equal(5117, pieces[0].Elements);
        Assert.EndsWith(" is ", pieces[0].Text, StringComparison.Ordinal);
        Assert.Equal("3.14 ok", pieces[1].Text);
    }
}
