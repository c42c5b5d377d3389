using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Triggers.App.Tests.Infrastructure;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Hosting.Processing;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>Redeeming rewards for knowledge coins through the admin API and through redeem signals, on the real app and Azurite.</summary>
[Collection(AppCollection.Name)]
public sealed class RedemptionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "redemption-secret-0001";
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, TriggersAppFactory.GenericChannel(_channel, _tenant, Secret));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AddRewardAsync(string id, long cost, long stock, bool enabled = true)
    {
        var rewards = TestStorage.Table(azurite, "Rewards");
        await rewards.CreateIfNotExistsAsync(Ct);
        await rewards.UpsertEntityAsync(new TableEntity(_tenant, id) { ["Cost"] = cost, ["Stock"] = stock, ["Enabled"] = enabled, ["Title"] = id }, TableUpdateMode.Replace, Ct);

        // Staff see their edit listed once it is in use (within Processing:RulesRefreshInterval).
        using var client = _app.CreateAdminClient();
        await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/admin/rewards?tenant={_tenant}", Ct),
            r => r.GetProperty("rewards").EnumerateArray().Any(x => x.GetProperty("id").GetString() == id),
            TimeSpan.FromSeconds(10));
    }

    private async Task DepositAsync(HttpClient client, string account, long amount) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(
            $"/api/admin/contacts/{account}/coins/deposit?tenant={_tenant}", new { amount, reason = "check-ins", idempotencyKey = "seed-" + account }, Ct)).StatusCode);

    private Task<HttpResponseMessage> RedeemAsync(HttpClient client, string account, string reward, string key) =>
        client.PostAsJsonAsync($"/api/admin/contacts/{account}/coins/redeem?tenant={_tenant}", new { reward, idempotencyKey = key, by = "ops-wang" }, Ct);

    [Fact]
    public async Task Sixty_four_concurrent_redemptions_over_http_against_a_balance_covering_ten_succeed_ten_times_and_refuse_the_rest_as_insufficient_balance()
    {
        using var client = _app.CreateAdminClient();
        await AddRewardAsync("salon-seat", 100, 64);
        await DepositAsync(client, "generic:reader-1", 1_050);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => RedeemAsync(client, "generic:reader-1", "salon-seat", "r-" + i)));
        var retried = await RedeemAsync(client, "generic:reader-1", "salon-seat", "r-7");

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refusals = answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(54, refusals.Count);
        foreach (var refusal in refusals)
        {
            Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
            var problem = await refusal.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.EndsWith("insufficient-balance", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Contains("costs 100 coins and the balance is", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(answers[7].StatusCode, retried.StatusCode);
        Assert.Equal(await answers[7].Content.ReadAsStringAsync(Ct), await retried.Content.ReadAsStringAsync(Ct));
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:reader-1/coins?tenant={_tenant}", Ct);
        Assert.Equal(50, statement.GetProperty("balance").GetInt64());
        Assert.Equal(10, statement.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "withdrawal" && e.GetProperty("outcome").GetString() == "applied"));
        var rewards = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rewards?tenant={_tenant}", Ct);
        var seat = Assert.Single(rewards.GetProperty("rewards").EnumerateArray());
        Assert.Equal((64, 54), (seat.GetProperty("stock").GetInt64(), seat.GetProperty("remaining").GetInt64()));
    }

    [Fact]
    public async Task The_last_unit_goes_to_one_redemption_the_next_is_refused_as_out_of_stock_and_bad_requests_say_what_to_fix()
    {
        using var client = _app.CreateAdminClient();
        await AddRewardAsync("course-discount", 50, 1);
        await AddRewardAsync("old-gift", 10, 5, enabled: false);
        await DepositAsync(client, "generic:reader-2", 500);

        var first = await RedeemAsync(client, "generic:reader-2", "course-discount", "a");
        var second = await RedeemAsync(client, "generic:reader-2", "course-discount", "b");
        var disabled = await RedeemAsync(client, "generic:reader-2", "old-gift", "c");
        var unknown = await RedeemAsync(client, "generic:reader-2", "no-such", "d");
        var noKey = await client.PostAsJsonAsync($"/api/admin/contacts/generic:reader-2/coins/redeem?tenant={_tenant}", new { reward = "course-discount" }, Ct);
        var reused = await RedeemAsync(client, "generic:reader-2", "old-gift", "a");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(450, (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("balance").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.EndsWith("out-of-stock", (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        Assert.Contains("disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("idempotencyKey is required", (await noKey.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("already used for redeeming reward 'course-discount'", (await reused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:reader-2/coins?tenant={_tenant}", Ct);
        Assert.Equal(450, statement.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Redeem_signals_each_decided_twice_at_once_spend_exactly_what_the_balance_covers_and_rules_see_each_outcome()
    {
        using var client = _app.CreateAdminClient();
        await AddRewardAsync("salon-seat", 100, 64);
        await GenericWebhook.AddRuleAsync(azurite, _tenant, "redeemed",
            """{"==":[{"var":"contact.coins.redemption.outcome"},"applied"]}""", """[{"type":"message","text":"兑换成功，期待在沙龙见到您"}]""", Ct);
        await DepositAsync(client, "generic:reader-3", 1_075);
        await Task.Delay(1500, Ct);
        var processor = _app.Services.GetRequiredService<SignalProcessor>();

        // Each message arrives twice, both copies decided at the same time: a redelivery racing the first delivery.
        var messages = Enumerable.Range(0, 64).Select(i => SignalMessage.Serialize(RedeemSignal("rd-" + i))).ToList();
        await Task.WhenAll(messages.Concat(messages).Select((m, i) => Task.Run(() => processor.ProcessAsync(m, 1 + i / 64, Ct), Ct)));

        var statement = await client.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/generic:reader-3/coins?tenant={_tenant}", Ct);
        var withdrawals = statement.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "withdrawal").ToList();
        Assert.Equal(75, statement.GetProperty("balance").GetInt64());
        Assert.Equal(64, withdrawals.Count);
        Assert.Equal(10, withdrawals.Count(e => e.GetProperty("outcome").GetString() == "applied"));
        Assert.Equal(54, withdrawals.Count(e => e.GetProperty("outcome").GetString() == "insufficient-balance"));
        Assert.All(withdrawals, e => Assert.StartsWith("signal:", e.GetProperty("by").GetString(), StringComparison.Ordinal));
        var rewards = await client.GetFromJsonAsync<JsonElement>($"/api/admin/rewards?tenant={_tenant}", Ct);
        Assert.Equal(54, rewards.GetProperty("rewards")[0].GetProperty("remaining").GetInt64());
        var touchpoints = await client.GetFromJsonAsync<JsonElement>($"/api/admin/touchpoints?tenant={_tenant}", Ct);
        Assert.Equal(10, touchpoints.GetArrayLength());
    }

    [Fact]
    public async Task A_broken_reward_row_is_reported_in_health_and_the_other_rewards_keep_working()
    {
        using var client = _app.CreateAdminClient();
        await AddRewardAsync("salon-seat", 100, 5);
        await TestStorage.Table(azurite, "Rewards").UpsertEntityAsync(new TableEntity(_tenant, "typo") { ["Cost"] = "一百", ["Stock"] = 5 }, TableUpdateMode.Replace, Ct);
        await DepositAsync(client, "generic:reader-4", 100);

        var health = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/admin/health", Ct),
            h => h.GetProperty("rewards").GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("tenant").GetString() == _tenant),
            TimeSpan.FromSeconds(10));
        var redeemed = await RedeemAsync(client, "generic:reader-4", "salon-seat", "k");

        var problem = health.GetProperty("rewards").GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("tenant").GetString() == _tenant);
        Assert.Equal("typo", problem.GetProperty("reward").GetString());
        Assert.StartsWith("Cost is '一百', not a whole number", problem.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
    }

    private Signal RedeemSignal(string key) => new()
    {
        Id = SignalIds.Create(_tenant, _channel, key),
        Channel = _channel,
        Platform = "generic",
        Tenant = _tenant,
        Kind = SignalKinds.Redeem,
        Actor = new SignalActor("reader-3"),
        Text = null,
        OccurredAt = TimeProvider.System.GetUtcNow(),
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        DedupeKey = key,
        Attributes = new Dictionary<string, string> { ["reward"] = "salon-seat" },
    };
}
