using System.Diagnostics;
using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

public sealed class LanguageErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly LanguageDocument[] OneDocument = [new("a", "good.")];

    [Fact]
    public async Task An_invalid_document_batch_fails_at_once_with_the_services_codes()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(FakeReply.Error(400, "InvalidRequest", "Batch request contains too many records. Max 10 records are permitted.", "InvalidDocumentBatch"));

        var error = await Assert.ThrowsAsync<LanguageRequestFailedException>(() => LanguageClients.For(service).AnalyzeSentimentAsync(OneDocument, Ct));

        Assert.Equal(400, error.Status);
        Assert.Equal("InvalidRequest", error.ErrorCode);
        Assert.Equal("InvalidDocumentBatch", error.InnerErrorCode);
        Assert.Contains("Max 10 records", error.Message, StringComparison.Ordinal);
        Assert.Single(service.Requests); // a 400 is not retried
    }

    [Fact]
    public async Task A_wrong_key_fails_with_401_without_retrying()
    {
        await using var service = await FakeLanguageService.StartAsync();
        var client = new LanguageClient(service.Endpoint, new global::Azure.AzureKeyCredential("wrong"));

        var error = await Assert.ThrowsAsync<LanguageRequestFailedException>(() => client.AnalyzeSentimentAsync(OneDocument, Ct));

        Assert.Equal(401, error.Status);
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_and_then_succeeds()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(FakeReply.Error(429, "429", "Rate limit is exceeded. Try again in 1 seconds.", headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));
        var clock = Stopwatch.StartNew();

        // The client's own delay is 1 ms, so a wait near a second can only come from Retry-After.
        var results = await LanguageClients.For(service).AnalyzeSentimentAsync(OneDocument, Ct);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(2, service.Requests.Count);
        Assert.Equal("positive", results[0].Analysis!.Label);
    }

    [Fact]
    public async Task A_503_that_outlasts_the_retries_fails_after_one_try_plus_max_retries()
    {
        await using var service = await FakeLanguageService.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            service.Enqueue(FakeReply.Error(503, "ServiceUnavailable", "The service is temporarily unavailable."));
        }

        var error = await Assert.ThrowsAsync<LanguageRequestFailedException>(
            () => LanguageClients.For(service, maxRetries: 2).AnalyzeSentimentAsync(OneDocument, Ct));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal(3, service.Requests.Count);
    }

    [Fact]
    public async Task A_non_json_error_body_still_gives_the_status()
    {
        await using var service = await FakeLanguageService.StartAsync();
        service.Enqueue(new FakeReply(502, "<html>Bad Gateway</html>"));

        var error = await Assert.ThrowsAsync<LanguageRequestFailedException>(
            () => LanguageClients.For(service, maxRetries: 0).AnalyzeSentimentAsync(OneDocument, Ct));

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
    }
}
