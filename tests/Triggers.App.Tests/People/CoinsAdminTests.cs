using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>The knowledge-coin bank through the admin API of the real app on Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class CoinsAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        var channel = "gen" + Guid.NewGuid().ToString("N")[..12];
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{channel}:Platform"] = "generic",
            [$"Channels:{channel}:Tenant"] = _tenant,
            [$"Channels:{channel}:Secret"] = "coins-admin-secret-0001",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deposit_retried_with_its_key_applies_once_and_every_linked_account_sees_the_same_wallet()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "wechat:o1", "douyin:d1" }, member = "M-5" }, ct);

        var first = await client.PostAsJsonAsync($"/api/admin/contacts/wechat:o1/coins/deposit?tenant={_tenant}", new { amount = 120, reason = "salon helper", idempotencyKey = "k-1", by = "ops-lee" }, ct);
        var retried = await client.PostAsJsonAsync($"/api/admin/contacts/wechat:o1/coins/deposit?tenant={_tenant}", new { amount = 120, reason = "salon helper", idempotencyKey = "k-1", by = "ops-lee" }, ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retried.StatusCode));
        Assert.Equal(120, (await retried.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("balance").GetInt64());
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/douyin:d1/coins?tenant={_tenant}", ct);
        Assert.Equal("member:M-5", statement.GetProperty("wallet").GetString());
        Assert.Equal(120, statement.GetProperty("balance").GetInt64());
        var entry = Assert.Single(statement.GetProperty("entries").EnumerateArray());
        Assert.Equal(("deposit", "applied", "admin:ops-lee"), (entry.GetProperty("kind").GetString(), entry.GetProperty("outcome").GetString(), entry.GetProperty("by").GetString()));
        var contact = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/douyin:d1?tenant={_tenant}", ct);
        Assert.Equal(120, contact.GetProperty("coins").GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task A_key_reused_for_another_amount_gets_409_naming_what_it_was_used_for()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await client.PostAsJsonAsync($"/api/admin/contacts/wechat:o2/coins/deposit?tenant={_tenant}", new { amount = 10, idempotencyKey = "k-2" }, ct);

        var reused = await client.PostAsJsonAsync($"/api/admin/contacts/wechat:o2/coins/deposit?tenant={_tenant}", new { amount = 99, idempotencyKey = "k-2" }, ct);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("was already used for a deposit of 10 coins", (await reused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, (await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/wechat:o2/coins?tenant={_tenant}", ct)).GetProperty("balance").GetInt64());
    }

    [Theory]
    [InlineData("""{"amount":0,"idempotencyKey":"k"}""", "amount must be a positive whole number")]
    [InlineData("""{"amount":"ten","idempotencyKey":"k"}""", "amount must be a positive whole number")]
    [InlineData("""{"amount":10}""", "idempotencyKey is required")]
    public async Task A_deposit_without_a_positive_amount_or_a_key_is_refused_and_stores_nothing(string json, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();

        var response = await client.PostAsync($"/api/admin/contacts/wechat:o9/coins/deposit?tenant={_tenant}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/wechat:o9/coins?tenant={_tenant}", ct);
        Assert.Equal((0, 0), (statement.GetProperty("balance").GetInt64(), statement.GetProperty("entries").GetArrayLength()));
    }
}
