using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Admin;

/// <summary>Errors follow RFC 9457: application/problem+json with the status, its title and a detail that says how to fix it.</summary>
[Collection(AppCollection.Name)]
public sealed class ProblemDetailsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_bad_admin_query_is_a_problem_with_the_status_its_title_and_the_detail()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateAdminClient();

        var response = await client.GetAsync("/api/admin/touchpoints?status=bogus", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Bad Request", problem.GetProperty("title").GetString());
        Assert.Contains("'bogus' is not a touchpoint status", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_for_an_unknown_channel_is_a_problem_naming_the_channel_and_the_setting_to_add()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/webhooks/nosuch", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("nosuch", problem.GetProperty("channel").GetString());
        Assert.Contains("Channels:nosuch:Platform", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
