using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>One person across platforms through the real app and Azurite: an identify signal, and the admin API.</summary>
[Collection(AppCollection.Name)]
public sealed class PeopleAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "people-admin-secret-0001";

    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_identify_signal_links_the_sending_account_and_the_listed_ones_to_the_member()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        var identify = new JsonObject
        {
            ["id"] = "id-1", ["kind"] = "identify", ["actor"] = new JsonObject { ["id"] = "cust-42" }, ["text"] = null,
            ["occurredAt"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["attributes"] = new JsonObject
            {
                ["member"] = "M-1001",
                ["accounts"] = new JsonArray(new JsonObject { ["platform"] = "wechat", ["id"] = "oAbC" }, new JsonObject { ["platform"] = "douyin", ["id"] = "71523" }),
            },
        };

        var posted = await GenericWebhook.PostAsync(client, _channel, Secret, identify.ToJsonString(), ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var person = await Eventually.WaitAsync(() => GetAsync(client, "douyin:71523", ct), p => p.GetProperty("linked").GetBoolean(), TimeSpan.FromSeconds(15));
        Assert.Equal("member:M-1001", person.GetProperty("id").GetString());
        Assert.Equal(["douyin:71523", "generic:cust-42", "wechat:oAbC"], Accounts(person));
        Assert.Equal("member:M-1001", (await GetAsync(client, "wechat:oAbC", ct)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_identify_signal_without_a_member_is_refused_at_the_webhook_with_where_and_what()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        var body = """{"id":"id-2","kind":"identify","actor":{"id":"cust-7"},"text":null,"occurredAt":"AT","attributes":{"accounts":[{"platform":"wechat"}]}}"""
            .Replace("AT", TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var posted = await GenericWebhook.PostAsync(client, _channel, Secret, body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var detail = (await posted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString();
        Assert.Contains("$.attributes.member: is required for an identify signal", detail, StringComparison.Ordinal);
        Assert.Contains("$.attributes.accounts[0]: expected an object", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_link_two_accounts_see_one_person_from_either_and_unlink_gives_each_its_own_back()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();

        var linked = await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "wechat:o1", "douyin:d1" }, by = "ops-lee" }, ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var body = await linked.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.Equal("linked:douyin:d1", body.GetProperty("person").GetProperty("id").GetString());
        // The admin key's name, and the person named in "by".
        Assert.Equal("admin:ops-lee", body.GetProperty("person").GetProperty("accounts")[0].GetProperty("by").GetString());

        var again = await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "douyin:d1", "wechat:o1" } }, ct);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("changed").GetBoolean());
        Assert.Equal(["douyin:d1", "wechat:o1"], Accounts(await GetAsync(client, "wechat:o1", ct)));

        var unlinked = await client.PostAsJsonAsync("/api/admin/contacts/unlink", new { tenant = _tenant, account = "wechat:o1" }, ct);
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Equal("wechat:o1", (await GetAsync(client, "wechat:o1", ct)).GetProperty("id").GetString());
        Assert.Equal(["douyin:d1"], Accounts(await GetAsync(client, "douyin:d1", ct)));
    }

    [Theory]
    [InlineData("""{"accounts":["wechat:o1"]}""", HttpStatusCode.BadRequest, "name at least two different accounts")]
    [InlineData("""{"accounts":["wechat:o1","WeChat:o2"]}""", HttpStatusCode.BadRequest, "accounts[1]: 'WeChat' in 'WeChat:o2' is not a platform name")]
    [InlineData("""{"accounts":"wechat:o1"}""", HttpStatusCode.BadRequest, "accounts is required")]
    [InlineData("""{"accounts":["wechat:o1",7]}""", HttpStatusCode.BadRequest, "accounts[1] must be a string")]
    public async Task A_link_request_that_cannot_be_done_gets_a_problem_saying_why_and_stores_nothing(string json, HttpStatusCode status, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        var request = JsonNode.Parse(json)!.AsObject();
        request["tenant"] = _tenant;

        var response = await client.PostAsJsonAsync("/api/admin/contacts/link", request, ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await GetAsync(client, "wechat:o1", ct)).GetProperty("linked").GetBoolean());
    }

    [Fact]
    public async Task An_actor_id_with_a_slash_a_percent_sign_and_a_colon_is_found_through_the_escaped_path()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        var linked = await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "wechat:o/A%41:b", "douyin:d9" } }, ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);

        var person = await GetAsync(client, "wechat:o/A%41:b", ct);

        Assert.True(person.GetProperty("linked").GetBoolean());
        Assert.Equal(["douyin:d9", "wechat:o/A%41:b"], Accounts(person));
    }

    [Fact]
    public async Task A_malformed_account_in_the_path_gets_a_problem_with_how_to_write_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();

        var response = await client.GetAsync($"/api/admin/contacts/wechat?tenant={_tenant}", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{platform}:{actorId}", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string account, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/{Uri.EscapeDataString(account)}?tenant={_tenant}", ct);

    private static string[] Accounts(JsonElement person) =>
        [.. person.GetProperty("accounts").EnumerateArray().Select(a => $"{a.GetProperty("platform").GetString()}:{a.GetProperty("id").GetString()}").Order(StringComparer.Ordinal)];
}
