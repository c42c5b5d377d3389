using System.Globalization;
using Azure.Data.Tables;
using Triggers.Azure.Storage;
using Triggers.Azure.Stores;
using Triggers.Testing;

namespace Triggers.Bench.Coins;

/// <summary>
/// <c>--coin-storm &lt;base url&gt; &lt;admin key&gt; &lt;connection&gt; [operations] [tenant]</c>: random coin operations through a
/// running host's admin API (deposits, experience, redemptions, links, retries with the same key, concurrent pairs),
/// then <c>coins audit</c> over the same storage. Exit 0 only when every retry got its first answer and the audit found
/// no mismatch (docs/benchmarks.md).
/// </summary>
internal static class CoinStormRun
{
    public static async Task<int> RunAsync(string baseUrl, string adminKey, string connection, int operations, string tenant)
    {
        var tables = StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? connection : null).CreateTableServiceClient();
        var rewards = tables.GetTableClient(TableNames.Rewards);
        await rewards.CreateIfNotExistsAsync();
        await rewards.UpsertEntityAsync(new TableEntity(tenant, CoinStorm.Reward) { ["Cost"] = 40, ["Stock"] = 1_000_000L }, TableUpdateMode.Replace);

        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-functions-key", adminKey);
        for (var waited = 0; !(await client.GetStringAsync($"/api/admin/rewards?tenant={tenant}")).Contains(CoinStorm.Reward, StringComparison.Ordinal); waited++)
        {
            if (waited > 30)
            {
                await Console.Error.WriteLineAsync($"the host never listed reward {CoinStorm.Reward} for tenant {tenant}");
                return 2;
            }

            await Task.Delay(1000);
        }

        var seed = Environment.TickCount;
        Console.WriteLine($"coin storm: {operations} operations on tenant {tenant}, seed {seed}, 16 in flight");
        var report = await new CoinStorm(client, tenant, seed).RunAsync(operations, accounts: 200, parallel: 16, CancellationToken.None);
        Console.WriteLine($"{report.Operations} operations ({report.Retries} retries, {report.Pairs} concurrent pairs) in {report.Elapsed.TotalSeconds:0.0} s, {(report.Operations / report.Elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)}/s");
        foreach (var (outcome, count) in report.ByOutcome.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {outcome}: {count}");
        }

        var audit = await TableCoinAudit.RunAsync(tables, tenant, Console.Out, CancellationToken.None);
        Console.WriteLine($"coins audit: {audit.Wallets} wallets, {audit.Entries} entries, {audit.Mismatches} mismatches");
        return audit.Mismatches == 0 ? 0 : 1;
    }
}
