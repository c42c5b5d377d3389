using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Health;

[Collection(AppCollection.Name)]
public sealed class HealthEndpointTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_is_200_with_json_when_storage_is_reachable()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("Triggers.App", body.GetProperty("host").GetString());
    }

    [Fact]
    public async Task Health_is_503_with_a_reason_when_storage_is_unreachable()
    {
        // A loopback port nothing listens on: connections are refused at once.
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        };
        await using var app = new TriggersAppFactory(azurite, settings);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("storage", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
