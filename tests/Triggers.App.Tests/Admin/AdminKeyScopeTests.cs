using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Hosting.Admin.Access;
using Triggers.Testing;

namespace Triggers.App.Tests.Admin;

/// <summary>
/// Keys scoped to tenants (Admin:Keys:{name}:Key, …:Tenants) on every admin route the app maps: an agency's key for brand
/// A gets 403 for each route of brand B, every route refuses a request without a key, and changes name the key that made them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdminKeyScopeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AgencyKey = "agency-a-key-0123456789";
    private readonly string _a = "ta" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _b = "tb" + Guid.NewGuid().ToString("N")[..10];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.TwoBrandsWithAgencyKey(_a, _b, "agency-a", AgencyKey));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Every admin route the app maps, with its method and its parameters filled in.</summary>
    private List<(string Method, string Path)> AdminRoutes()
    {
        _ = _app.Server; // the host is built, so its endpoints exist
        var routes = new List<(string, string)>();
        foreach (var endpoint in _app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var template = endpoint.RoutePattern.RawText ?? string.Empty;
            if (!template.TrimStart('/').StartsWith("api/admin", StringComparison.Ordinal))
            {
                continue;
            }

            var path = "/" + template.TrimStart('/').Replace("{id}", "h-1", StringComparison.Ordinal).Replace("{account}", "generic:c-1", StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                routes.Add((method, path));
            }
        }

        return routes;
    }

    private static HttpRequestMessage Request(string method, string path, string tenant, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?tenant={tenant}");
        if (method is "POST" or "PUT" or "DELETE")
        {
            request.Content = new StringContent($$"""{"tenant":"{{tenant}}"}""", Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(AdminGate.HeaderName, key);
        }

        return request;
    }

    [Fact]
    public async Task A_key_scoped_to_brand_a_gets_403_on_every_admin_route_of_brand_b_and_no_route_answers_without_a_key()
    {
        using var client = _app.CreateClient();
        var routes = AdminRoutes();
        var forB = new List<(string Route, HttpStatusCode Status)>();
        var withoutKey = new List<(string Route, HttpStatusCode Status)>();
        var forA = new List<(string Route, HttpStatusCode Status)>();
        foreach (var (method, path) in routes)
        {
            using var b = await client.SendAsync(Request(method, path, _b, AgencyKey), Ct);
            forB.Add(($"{method} {path}", b.StatusCode));
            using var none = await client.SendAsync(Request(method, path, _a, null), Ct);
            withoutKey.Add(($"{method} {path}", none.StatusCode));
            using var a = await client.SendAsync(Request(method, path, _a, AgencyKey), Ct);
            forA.Add(($"{method} {path}", a.StatusCode));
        }

        // Every admin route the hosts share (Routes.Admin*) is among those tried.
        var shared = typeof(Triggers.Hosting.Http.Routes).GetFields().Where(f => f.Name.StartsWith("Admin", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!);
        var tried = routes.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        Assert.All(shared, route => Assert.Contains("/" + route.Replace("{id}", "h-1", StringComparison.Ordinal).Replace("{account}", "generic:c-1", StringComparison.Ordinal), tried));
        Assert.All(forB, r => Assert.True(r.Status == HttpStatusCode.Forbidden, $"{r.Route} answered {r.Status} for brand B"));
        Assert.All(withoutKey, r => Assert.True(r.Status == HttpStatusCode.Unauthorized, $"{r.Route} answered {r.Status} without a key"));
        Assert.All(forA, r => Assert.True(r.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{r.Route} answered {r.Status} for brand A"));
    }

    [Fact]
    public async Task The_refusal_names_the_key_and_the_tenants_it_may_see()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminGate.HeaderName, AgencyKey);

        var byQuery = await client.GetAsync($"/api/admin/handoffs?tenant={_b}", Ct);
        var byChannel = await client.GetAsync($"/api/admin/signals?channel={_b}-gen", Ct);
        var byBody = await client.PostAsJsonAsync("/api/admin/consent", new { channel = _b + "-gen", contact = "c-1", optedOut = true }, Ct);
        var byDefault = await client.GetAsync("/api/admin/touchpoints", Ct);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [byQuery.StatusCode, byChannel.StatusCode, byBody.StatusCode, byDefault.StatusCode]);
        var problem = await byQuery.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"the key 'agency-a' may see tenant {_a}, not '{_b}': name one of them with ?tenant=, or use a key for '{_b}'.", problem.GetProperty("detail").GetString());
        Assert.Contains("'default'", await byDefault.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Requests that name brand A to the gate but would have the handler act on another tenant, or hide the tenant.</summary>
    [Theory]
    [InlineData("POST", "/api/admin/handoffs/h-1/claim", """{"tenant":"{a}","agent":"x"}""", HttpStatusCode.Forbidden)]
    [InlineData("DELETE", "/api/admin/contacts/generic:c-1?channel={a}-gen", null, HttpStatusCode.Forbidden)]
    [InlineData("PUT", "/api/admin/rules/Reload", """{"when":{"==":[1,1]},"then":[{"type":"tag","text":"x"}]}""", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/signals?channel={b}-gen&channel={b}-gen", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/admin/touchpoints?tenant={a}&tenant={b}", null, HttpStatusCode.BadRequest)]
    public async Task A_scoped_key_cannot_steer_a_handler_to_a_tenant_the_gate_did_not_check(string method, string path, string? body, HttpStatusCode expected)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{a}", _a, StringComparison.Ordinal).Replace("{b}", _b, StringComparison.Ordinal));
        request.Headers.Add(AdminGate.HeaderName, AgencyKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.Replace("{a}", _a, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task One_key_only_a_repeated_key_is_refused()
    {
        using var client = _app.CreateClient();
        using var twice = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/touchpoints?tenant={_a}");
        twice.Headers.Add(AdminGate.HeaderName, [AgencyKey, AgencyKey]);
        var byCode = await client.GetAsync($"/api/admin/touchpoints?tenant={_a}&code={AgencyKey}&code={AgencyKey}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(twice, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byCode.StatusCode);
    }

    [Fact]
    public async Task Lists_across_tenants_keep_to_the_keys_tenants()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(AdminGate.HeaderName, AgencyKey);

        var health = await client.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct);
        using var admin = _app.CreateAdminClient();
        var full = await admin.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct);

        var channels = health.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("tenant").GetString()).Distinct().ToList();
        Assert.Equal([_a], channels);
        Assert.Contains(full.GetProperty("channels").EnumerateArray(), c => c.GetProperty("tenant").GetString() == _b);
    }

    [Fact]
    public async Task Changes_record_the_key_that_made_them_and_the_person_named()
    {
        using var agency = _app.CreateClient();
        agency.DefaultRequestHeaders.Add(AdminGate.HeaderName, AgencyKey);
        using var admin = _app.CreateAdminClient();

        var scoped = await agency.PostAsJsonAsync($"/api/admin/contacts/generic:c-1/coins/deposit?tenant={_a}", new { amount = 10, idempotencyKey = "k1", by = "lee" }, Ct);
        var unnamed = await agency.PostAsJsonAsync($"/api/admin/contacts/generic:c-1/coins/deposit?tenant={_a}", new { amount = 5, idempotencyKey = "k2" }, Ct);
        var full = await admin.PostAsJsonAsync($"/api/admin/contacts/generic:c-1/coins/deposit?tenant={_a}", new { amount = 1, idempotencyKey = "k3", by = "ops" }, Ct);
        var statement = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:c-1/coins?tenant={_a}", Ct);

        Assert.All([scoped, unnamed, full], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var authors = statement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("by").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["admin:ops", "agency-a", "agency-a:lee"], authors);
    }

    [Theory]
    [InlineData("short", "*", "Admin:Keys:ops:Key must be at least 16 characters without spaces")]
    [InlineData("long-enough-key-0001", "", "Admin:Keys:ops:Tenants is empty: list the tenants it may see")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/admin-key-ops/)", "a", "Admin:Keys:ops:Key is a Key Vault reference that did not resolve: check that secret admin-key-ops exists")]
    [InlineData("test-admin-key-but-longer", "a", null)]
    public void Keys_that_are_weak_unresolved_or_see_no_tenant_stop_the_start_with_the_setting_to_fix(string key, string tenants, string? expected)
    {
        var options = new AdminOptions { Key = "full-access-key-000", Keys = { ["ops"] = new AdminKeyOptions { Key = key, Tenants = tenants } } };

        var result = new AdminOptionsValidator().Validate(null, options);

        if (expected is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }
}
