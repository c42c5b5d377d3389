using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

public sealed class LanguageResponseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string FirstId(RecordedRequest request) => request.Documents[0]!["id"]!.GetValue<string>();

    [Fact]
    public async Task The_documented_mixed_answer_reads_as_negative_with_scores_rescaled_to_sum_to_one()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(r => new FakeReply(200, DocumentedResponses.Quickstart(FirstId(r))));

        var analysis = await new AzureLanguageAnalyzer(LanguageClients.For(service)).AnalyzeAsync(DocumentedResponses.QuickstartText, "en", Ct);

        // 0.47 + 0.0 + 0.52 = 0.99; negative is the larger side of "mixed".
        Assert.Equal("negative", analysis.Label);
        Assert.Equal(0.47 / 0.99, analysis.Scores.Positive, 12);
        Assert.Equal(0.0, analysis.Scores.Neutral, 12);
        Assert.Equal(0.52 / 0.99, analysis.Scores.Negative, 12);
        Assert.Equal("azure-language", analysis.Source);
        Assert.Empty(analysis.Mentions);
        Assert.Empty(analysis.Topics);
    }

    [Fact]
    public async Task A_mixed_answer_leaning_positive_reads_as_positive()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(r => new FakeReply(200, DocumentedResponses.Mixed(FirstId(r), 0.6, 0.0, 0.4)));

        var analysis = await new AzureLanguageAnalyzer(LanguageClients.For(service)).AnalyzeAsync("good but bad", "en", Ct);

        Assert.Equal("positive", analysis.Label);
        Assert.Equal(new SentimentScoresView(0.6, 0.0, 0.4), SentimentScoresView.Of(analysis.Scores));
    }

    [Fact]
    public async Task Sentences_keep_their_text_offset_label_and_rescaled_scores()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(r => new FakeReply(200, DocumentedResponses.Quickstart(FirstId(r))));

        var analysis = await new AzureLanguageAnalyzer(LanguageClients.For(service)).AnalyzeAsync(DocumentedResponses.QuickstartText, "en", Ct);

        Assert.Collection(
            analysis.Sentences,
            s =>
            {
                Assert.Equal(("The food and service were unacceptable. ", 0, "negative"), (s.Text, s.Offset, s.Label));
                Assert.Equal(1.0, s.Scores.Negative, 12); // 0.99 alone rescales to 1
            },
            s =>
            {
                Assert.Equal(("The concierge was nice, however.", 40, "positive"), (s.Text, s.Offset, s.Label));
                Assert.Equal(0.94, s.Scores.Positive, 12); // 0.94 + 0.01 + 0.05 already sum to 1
            });
        Assert.All(analysis.Sentences, s => Assert.Equal(s.Text, DocumentedResponses.QuickstartText.Substring(s.Offset, s.Text.Length)));
    }

    [Fact]
    public async Task A_refused_document_gets_the_services_codes_while_its_neighbours_are_analysed()
    {
        await using var service = await FakeLanguageService.StartAsync();

        var results = await LanguageClients.For(service).AnalyzeSentimentAsync(
            [new LanguageDocument("a", "good."), new LanguageDocument("b", "bad.", "xx"), new LanguageDocument("c", "bad.")], Ct);

        Assert.Equal(("positive", "negative"), (results[0].Analysis!.Label, results[2].Analysis!.Label));
        Assert.False(results[1].Succeeded);
        Assert.Equal("b", results[1].Id);
        Assert.Equal(("InvalidArgument", "UnsupportedLanguageCode"), (results[1].Error!.Code, results[1].Error!.InnerCode));
    }

    [Fact]
    public async Task The_analyser_throws_a_typed_error_for_a_refused_document()
    {
        await using var service = await FakeLanguageService.StartAsync();

        var error = await Assert.ThrowsAsync<LanguageDocumentException>(
            async () => await new AzureLanguageAnalyzer(LanguageClients.For(service)).AnalyzeAsync("bad.", "xx", Ct));

        Assert.Equal("UnsupportedLanguageCode", error.Error!.InnerCode);
        Assert.Contains("UnsupportedLanguageCode", error.Message, StringComparison.Ordinal);
    }

    private sealed record SentimentScoresView(double Positive, double Neutral, double Negative)
    {
        public static SentimentScoresView Of(Triggers.Core.Analysis.SentimentScores s) =>
            new(Math.Round(s.Positive, 12), Math.Round(s.Neutral, 12), Math.Round(s.Negative, 12));
    }
}
