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
    }

    [Fact]
    public async Task Anonymous_health_tells_strangers_only_the_status_and_admin_health_gives_operators_the_detail()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:secretbrand:Platform"] = "generic",
            ["Channels:secretbrand:Tenant"] = "brand-x",
            ["Channels:secretbrand:Secret"] = "s3cret-value-0123456789",
        };
        await using var app = new TriggersAppFactory(azurite, settings);
        using var anonymous = app.CreateClient();
        using var admin = app.CreateAdminClient();

        var open = await anonymous.GetStringAsync("/api/health", TestContext.Current.CancellationToken);
        var unauthorised = await anonymous.GetAsync("/api/admin/health", TestContext.Current.CancellationToken);
        var details = await admin.GetFromJsonAsync<JsonElement>("/api/admin/health", TestContext.Current.CancellationToken);

        Assert.Equal(["reason", "status"], JsonDocument.Parse(open).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("secretbrand", open, StringComparison.Ordinal);
        Assert.DoesNotContain("brand-x", open, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal("Triggers.App", details.GetProperty("host").GetString());
        var channel = Assert.Single(details.GetProperty("channels").EnumerateArray(), c => c.GetProperty("name").GetString() == "secretbrand");
        Assert.Equal("brand-x", channel.GetProperty("tenant").GetString());
        Assert.DoesNotContain("s3cret-value-0123456789", details.GetRawText(), StringComparison.Ordinal);
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
        // Refused at once, or still being retried by the SDK when the 3 s probe gives up: either way a storage class, no detail.
        Assert.Contains(body.GetProperty("reason").GetString(), (string[])["storage-unreachable", "storage-timeout"]);
    }
}
