using System.Net;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.Admin;

[Collection(AppCollection.Name)]
public sealed class AdminKeyTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-ke")]
    public async Task Admin_routes_refuse_a_missing_or_wrong_key_with_401(string? key)
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        var response = await client.GetAsync("/api/admin/touchpoints", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Admin_routes_answer_with_the_configured_key()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateAdminClient();

        var response = await client.GetAsync("/api/admin/touchpoints?tenant=nobody", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_an_admin_key_configured_the_admin_api_is_closed_and_says_how_to_open_it()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?> { ["Admin:Key"] = "" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", "anything");

        var response = await client.GetAsync("/api/admin/touchpoints", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Admin:Key", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/admin/signals?limit=0")]
    [InlineData("/api/admin/signals?limit=abc")]
    [InlineData("/api/admin/touchpoints?status=done")]
    public async Task Bad_admin_query_parameters_get_400_naming_the_parameter(string url)
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?>());
        using var client = app.CreateAdminClient();

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var name = url.Split('?')[1].Split('=')[0];
        Assert.Contains(name, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
