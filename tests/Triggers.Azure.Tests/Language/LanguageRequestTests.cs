using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

public sealed class LanguageRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_posts_sentiment_with_opinion_mining_to_analyze_text_with_the_key_header()
    {
        await using var service = await FakeLanguageService.StartAsync();

        await LanguageClients.For(service).AnalyzeSentimentAsync([new LanguageDocument("a", "这个很好。", "zh-hans")], Ct);

        var request = Assert.Single(service.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2025-11-01", request.ApiVersion);
        Assert.Equal(FakeLanguageService.Key, request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("SentimentAnalysis", request.Body!["kind"]!.GetValue<string>());
        Assert.Equal("latest", request.Body["parameters"]!["modelVersion"]!.GetValue<string>());
        Assert.True(request.Body["parameters"]!["opinionMining"]!.GetValue<bool>());
        Assert.Equal("Utf16CodeUnit", request.Body["parameters"]!["stringIndexType"]!.GetValue<string>());
        var document = Assert.Single(request.Documents)!;
        Assert.False(string.IsNullOrEmpty(document["id"]!.GetValue<string>()));
        Assert.Equal("zh-hans", document["language"]!.GetValue<string>());
        Assert.Equal("这个很好。", document["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_endpoint_with_a_trailing_slash_still_gets_the_exact_path()
    {
        await using var service = await FakeLanguageService.StartAsync();
        var client = new LanguageClient(new Uri(service.Endpoint.AbsoluteUri.TrimEnd('/') + "/"), new global::Azure.AzureKeyCredential(FakeLanguageService.Key));

        var result = await client.AnalyzeSentimentAsync([new LanguageDocument("a", "good.")], Ct);

        Assert.Equal("/language/:analyze-text", Assert.Single(service.Requests).Path);
        Assert.True(result[0].Succeeded);
    }

    [Fact]
    public async Task A_text_without_a_language_is_sent_as_zh_hans_when_it_holds_Chinese_and_as_en_otherwise()
    {
        await using var service = await FakeLanguageService.StartAsync();

        await LanguageClients.For(service).AnalyzeSentimentAsync(
            [new LanguageDocument("zh", "续航太差了"), new LanguageDocument("en", "battery is bad"), new LanguageDocument("tw", "很好", "zh-hant")], Ct);

        var languages = Assert.Single(service.Requests).Documents.Select(d => d!["language"]!.GetValue<string>());
        Assert.Equal(["zh-hans", "en", "zh-hant"], languages);
    }

    [Fact]
    public async Task Twenty_five_documents_go_out_as_ten_ten_and_five_and_come_back_in_the_callers_order()
    {
        await using var service = await FakeLanguageService.StartAsync();
        var documents = Enumerable.Range(0, 25)
            .Select(i => new LanguageDocument($"doc-{i}", i % 2 == 0 ? $"good {i}." : $"bad {i}."))
            .ToList();

        var results = await LanguageClients.For(service).AnalyzeSentimentAsync(documents, Ct);

        Assert.Equal([10, 10, 5], service.Requests.Select(r => r.Documents.Count));
        Assert.All(service.Requests, r => Assert.Equal(r.Documents.Count, r.Documents.Select(d => d!["id"]!.GetValue<string>()).Distinct().Count()));
        Assert.Equal(documents.Select(d => d.Id), results.Select(r => r.Id));
        Assert.Equal(documents.Select((_, i) => i % 2 == 0 ? "positive" : "negative"), results.Select(r => r.Analysis!.Label));
    }

    [Fact]
    public async Task Documents_are_spread_over_more_requests_to_keep_each_body_within_the_byte_budget()
    {
        await using var service = await FakeLanguageService.StartAsync();
        // Each document is about 1,540 bytes of JSON and the envelope about 150: six fit in 10,000 bytes, seven do not.
        var documents = Enumerable.Range(0, 10).Select(i => new LanguageDocument($"{i}", new string('a', 1500) + " good.")).ToList();

        var results = await LanguageClients.For(service, configure: o => o.MaxRequestBytes = 10_000).AnalyzeSentimentAsync(documents, Ct);

        Assert.Equal([6, 4], service.Requests.Select(r => r.Documents.Count));
        Assert.All(service.Requests, r => Assert.InRange(r.BodyBytes, 1, 10_000));
        Assert.All(results, r => Assert.Equal("positive", r.Analysis!.Label));
    }

    [Fact]
    public async Task A_document_larger_than_the_byte_budget_is_split_so_that_every_request_fits()
    {
        await using var service = await FakeLanguageService.StartAsync();
        var text = string.Concat(Enumerable.Repeat("good day. ", 500)); // 5,000 characters

        var results = await LanguageClients.For(service, configure: o => o.MaxRequestBytes = 4096).AnalyzeSentimentAsync([new LanguageDocument("big", text)], Ct);

        Assert.True(service.Requests.Count > 1);
        Assert.All(service.Requests, r => Assert.InRange(r.BodyBytes, 1, 4096));
        Assert.Equal(text, string.Concat(service.Requests.SelectMany(r => r.Documents).Select(d => d!["text"]!.GetValue<string>())));
        var analysis = Assert.Single(results).Analysis!;
        Assert.Equal(500, analysis.Sentences.Count);
        Assert.Equal(1.0, analysis.Scores.Positive, 12);
    }

    [Fact]
    public async Task An_empty_text_is_neutral_and_sends_nothing()
    {
        await using var service = await FakeLanguageService.StartAsync();

        var analysis = await new AzureLanguageAnalyzer(LanguageClients.For(service)).AnalyzeAsync("  ", null, Ct);

        Assert.Equal("neutral", analysis.Label);
        Assert.Equal(LanguageClient.SourceName, analysis.Source);
        Assert.Empty(service.Requests);
    }
}
