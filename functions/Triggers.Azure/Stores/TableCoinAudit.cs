using Azure.Data.Tables;
using Triggers.Core.Coins;

namespace Triggers.Azure.Stores;

/// <summary>
/// What <c>coins audit</c> runs: every wallet of table Coins (of one tenant, or all) checked against its applied entries,
/// and every merge of wallets checked for both halves. Writes each mismatch as a line.
/// </summary>
public static class TableCoinAudit
{
    public sealed record Result(int Wallets, int Entries, int Mismatches);

    public static async Task<Result> RunAsync(TableServiceClient tables, string? tenant, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(output);
        await tables.GetTableClient(TableNames.Coins).CreateIfNotExistsAsync(cancellationToken);
        var store = new TableCoinStore(tables);
        var (wallets, entries, mismatches) = (0, 0, 0);
        var byTenant = new Dictionary<string, List<(Wallet, IReadOnlyList<CoinEntry>)>>(StringComparer.Ordinal);
        await foreach (var wallet in store.ListWalletsAsync(tenant, cancellationToken))
        {
            var recorded = await store.ListEntriesAsync(wallet.Tenant, wallet.Id, cancellationToken);
            wallets++;
            entries += recorded.Count;
            foreach (var problem in CoinAudit.Check(wallet, recorded))
            {
                mismatches++;
                await output.WriteLineAsync($"{wallet.Tenant}: {problem}");
            }

            if (recorded.Any(e => e.Kind == CoinKinds.Transfer))
            {
                (byTenant.TryGetValue(wallet.Tenant, out var list) ? list : byTenant[wallet.Tenant] = []).Add((wallet, recorded));
            }
        }

        // A merge takes coins out of one wallet and adds them to another: both halves must be there.
        foreach (var (owner, transfers) in byTenant)
        {
            foreach (var problem in CoinAudit.UnfinishedTransfers(transfers))
            {
                mismatches++;
                await output.WriteLineAsync($"{owner}: {problem}");
            }
        }

        return new Result(wallets, entries, mismatches);
    }
}
