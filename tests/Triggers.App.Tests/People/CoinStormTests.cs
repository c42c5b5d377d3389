using Azure.Data.Tables;
using Triggers.App.Tests.Infrastructure;
using Triggers.Azure.Stores;
using Triggers.Testing;

namespace Triggers.App.Tests.People;

/// <summary>Random coin operations through the admin API, with retries and concurrent pairs, then the audit (the 10,000-operation run is a bench).</summary>
[Collection(AppCollection.Name)]
public sealed class CoinStormTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tenant = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _channel = "gen" + Guid.NewGuid().ToString("N")[..12];
    private TriggersAppFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new TriggersAppFactory(azurite, new Dictionary<string, string?>
        {
            [$"Channels:{_channel}:Platform"] = "generic",
            [$"Channels:{_channel}:Tenant"] = _tenant,
            [$"Channels:{_channel}:Secret"] = "coin-storm-secret-01",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Six_hundred_random_operations_with_retries_and_concurrent_pairs_answer_retries_alike_and_leave_no_audit_mismatch()
    {
        var ct = TestContext.Current.CancellationToken;
        var rewards = TestStorage.Table(azurite, "Rewards");
        await rewards.CreateIfNotExistsAsync(ct);
        await rewards.UpsertEntityAsync(new TableEntity(_tenant, CoinStorm.Reward) { ["Cost"] = 40, ["Stock"] = 1_000_000L }, TableUpdateMode.Replace, ct);
        using var client = _app.CreateAdminClient();
        await Eventually.WaitAsync(() => client.GetStringAsync($"/api/admin/rewards?tenant={_tenant}", ct), r => r.Contains(CoinStorm.Reward, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var report = await new CoinStorm(client, _tenant, seed: 20261207).RunAsync(600, accounts: 24, parallel: 8, ct);
        using var mismatches = new StringWriter();
        var audit = await TableCoinAudit.RunAsync(TestStorage.Connection(azurite).CreateTableServiceClient(), _tenant, mismatches, ct);

        TestContext.Current.SendDiagnosticMessage($"{report.Operations} operations in {report.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", report.ByOutcome.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}; audit: {audit}");
        Assert.True(report.Retries > 50 && report.Pairs > 50, $"{report.Retries} retries, {report.Pairs} pairs");
        Assert.True(report.ByOutcome.GetValueOrDefault("redeem ok") > 0 && report.ByOutcome.GetValueOrDefault("redeem refused insufficient-balance") > 0, string.Join(", ", report.ByOutcome));
        // The whole audit text on failure: which wallet, what it holds and what its entries add up to.
        Assert.True(mismatches.ToString().Length == 0, mismatches.ToString());
        Assert.Equal(0, audit.Mismatches);
        Assert.True(audit.Wallets > 10, audit.ToString());
    }
}
