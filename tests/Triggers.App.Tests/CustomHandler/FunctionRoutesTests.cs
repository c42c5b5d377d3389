using System.Net;
using System.Text;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Hosting;
using Triggers.Testing;

namespace Triggers.App.Tests.CustomHandler;

[Collection(AppCollection.Name)]
public sealed class FunctionRoutesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_non_http_function_in_the_catalog_has_an_invocation_route_under_the_host()
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7997" });
        using var client = app.CreateClient();

        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger != FunctionTrigger.Http))
        {
            // An envelope without the trigger's data: a routed function answers 400 or 500, never 404/405.
            var response = await client.PostAsync("/" + function.Name, new StringContent("""{"Data":{},"Metadata":{}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed), $"{function.Name}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/webhooks/nosuch")]
    [InlineData("/api/admin/signals")]
    public async Task Every_http_function_route_is_served_by_the_app_itself(string path)
    {
        await using var app = new TriggersAppFactory(azurite, new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7997" });
        using var client = app.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        // health 200; an unknown channel 404 with a JSON reason (not the router's empty 404); admin 200 (the host checks the key).
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}
