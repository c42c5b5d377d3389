using System.Net.Http;
using Azure.Core.Pipeline;
using Triggers.Azure.Language;
using Triggers.Azure.Tests.Language.Fake;

namespace Triggers.Azure.Tests.Language;

public sealed class LanguageEntraTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_token_credential_the_request_carries_a_bearer_token_for_the_cognitive_services_scope()
    {
        using var certificate = TestCertificate.Create();
        await using var service = await FakeLanguageService.StartAsync(certificate);
        using var handler = new HttpClientHandler
        {
            // Trust exactly the stand-in's throw-away certificate.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(handler) };
        var credential = new FakeTokenCredential("token-abc", TimeProvider.System);

        var results = await new LanguageClient(service.Endpoint, credential, options).AnalyzeSentimentAsync([new LanguageDocument("a", "good.")], Ct);

        var request = Assert.Single(service.Requests);
        Assert.Equal("Bearer token-abc", request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
        Assert.True(results[0].Succeeded);
    }
}
