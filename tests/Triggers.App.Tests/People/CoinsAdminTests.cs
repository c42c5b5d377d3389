using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>The knowledge-coin bank through the admin API of the real app on Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class CoinsAdminTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private const string Secret = "coins-admin-secret-0001";
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = Secret,
            ["Dispatch:Interval"] = "00:00:01",
            [$"Tenants:{_tenant}:Guardrails:QuietHoursEnabled"] = "false",
        });
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_rules_coins_action_deposits_once_into_the_senders_wallet_when_its_touchpoint_is_due()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "checkin", """{"==":[{"var":"signal.type"},"checkin"]}""", """[{"type":"coins","amount":100,"xp":5,"reason":"连续打卡 7 天"}]""", ct);
        await Task.Delay(1500, ct);
        var body = $$"""{"id":"ci-1","kind":"event","type":"checkin","actor":{"id":"reader-1"},"text":null,"occurredAt":"{{TimeProvider.System.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)}}"}""";
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body, ct)).IsSuccessStatusCode);

        var statement = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:reader-1/coins?tenant={_tenant}", ct), s => s.GetProperty("balance").GetInt64() > 0, TimeSpan.FromSeconds(20));
        statement = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:reader-1/coins?tenant={_tenant}", ct), s => s.GetProperty("xp").GetInt64() > 0, TimeSpan.FromSeconds(10));
        var entries = statement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal((100, 5), (statement.GetProperty("balance").GetInt64(), statement.GetProperty("xp").GetInt64()));
        Assert.Equal(["appreciation", "deposit"], entries.Select(e => e.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        var entry = entries.Single(e => e.GetProperty("kind").GetString() == "deposit");
        Assert.StartsWith("touchpoint:", entry.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(("连续打卡 7 天", "rule:checkin"), (entry.GetProperty("reason").GetString(), entry.GetProperty("by").GetString()));
        var touchpoint = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", ct), t => t.GetArrayLength() == 1 && t[0].GetProperty("status").GetString() == "sent", TimeSpan.FromSeconds(10));
        Assert.Contains("balance 100, xp 5", touchpoint[0].GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Coins_deposited_before_an_identify_signal_links_the_accounts_are_the_members_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        await client.PostAsJsonAsync($"/api/admin/contacts/douyin:d9/coins/deposit?tenant={_tenant}", new { amount = 70, idempotencyKey = "before-link" }, ct);
        var body = $$$"""{"id":"crm-9","kind":"identify","actor":{"id":"cust-9"},"text":null,"occurredAt":"{{{TimeProvider.System.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)}}}","attributes":{"member":"M-9","accounts":[{"platform":"douyin","id":"d9"}]}}""";
        Assert.True((await GenericWebhook.PostAsync(client, _channel, Secret, body, ct)).IsSuccessStatusCode);

        var statement = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:cust-9/coins?tenant={_tenant}", ct), s => s.GetProperty("balance").GetInt64() > 0, TimeSpan.FromSeconds(20));

        Assert.Equal(("member:M-9", 70L), (statement.GetProperty("wallet").GetString(), statement.GetProperty("balance").GetInt64()));
        var entry = Assert.Single(statement.GetProperty("entries").EnumerateArray());
        Assert.Equal(("transfer", "merged from douyin:d9"), (entry.GetProperty("kind").GetString(), entry.GetProperty("reason").GetString()));
    }

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
    [InlineData("""{"amount":0,"idempotencyKey":"k"}""", "send amount (knowledge coins) or xp (experience), one of them, as a positive whole number")]
    [InlineData("""{"amount":"ten","idempotencyKey":"k"}""", "send amount (knowledge coins) or xp (experience), one of them")]
    [InlineData("""{"amount":10,"xp":5,"idempotencyKey":"k"}""", "use two keys for both")]
    [InlineData("""{"xp":-5,"idempotencyKey":"k"}""", "as a positive whole number")]
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

    [Fact]
    public async Task Coins_left_in_a_linked_accounts_own_wallet_move_to_its_person_at_the_next_coin_operation()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _app.CreateAdminClient();
        (await client.PostAsJsonAsync("/api/admin/contacts/link", new { tenant = _tenant, accounts = new[] { "generic:left-1" }, member = "M-left" }, ct)).EnsureSuccessStatusCode();

        // A move cut short by a race: coins in the account's own wallet after it joined the member.
        var bank = _app.Services.GetRequiredService<Triggers.Core.Coins.CoinBank>();
        await bank.ApplyAsync(_tenant, "generic:left-1", new Triggers.Core.Coins.CoinOperation("stray-1", Triggers.Core.Coins.CoinKinds.Deposit, 70, 0, "stray", "test"), ct);
        await bank.ApplyAsync(_tenant, "generic:left-1", new Triggers.Core.Coins.CoinOperation("stray-2", Triggers.Core.Coins.CoinKinds.Appreciation, 0, 5, "stray", "test"), ct);
        var wallet = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/contacts/generic:left-1/coins?tenant={_tenant}", ct);
        var own = await bank.BalanceAsync(_tenant, "generic:left-1", ct);

        Assert.Equal(("member:M-left", 70L, 5L), (wallet.GetProperty("wallet").GetString(), wallet.GetProperty("balance").GetInt64(), wallet.GetProperty("xp").GetInt64()));
        Assert.Equal((0L, 0L), (own.Coins, own.Xp));
    }
}
