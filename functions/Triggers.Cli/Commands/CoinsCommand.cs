using System.CommandLine;
using Triggers.Azure.Stores;
using Triggers.Cli.Rules;
using Triggers.Core.Coins;

namespace Triggers.Cli.Commands;

/// <summary>`coins audit`: every wallet of the knowledge-coin bank checked against its entries (docs/relationships.md).</summary>
public static class CoinsCommand
{
    public static Command Create()
    {
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's wallets (default: every tenant)." };
        var connection = new Option<string?>("--connection") { Description = "Storage connection string; default AzureWebJobsStorage from the environment, else UseDevelopmentStorage=true." };
        var audit = new Command("audit", "Check every wallet's balances against the sum of its applied entries, and that every merge of wallets finished; prints each mismatch and exits 1 if any.") { tenant, connection };
        audit.SetAction((parse, ct) => AuditAsync(parse.GetValue(tenant), parse.GetValue(connection), Console.Out, ct));
        return new Command("coins", "The knowledge-coin bank (table Coins).") { audit };
    }

    public static async Task<int> AuditAsync(string? tenant, string? connection, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var tables = CliStorage.Resolve(connection).CreateTableServiceClient();
        await tables.GetTableClient(TableNames.Coins).CreateIfNotExistsAsync(ct);
        var store = new TableCoinStore(tables);
        var (wallets, entries, mismatches) = (0, 0, 0);
        var byTenant = new Dictionary<string, List<(Wallet, IReadOnlyList<CoinEntry>)>>(StringComparer.Ordinal);
        await foreach (var wallet in store.ListWalletsAsync(tenant, ct))
        {
            var recorded = await store.ListEntriesAsync(wallet.Tenant, wallet.Id, ct);
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

        await Console.Error.WriteLineAsync($"{wallets} wallet(s), {entries} entries, {mismatches} mismatch(es)");
        return mismatches == 0 ? 0 : 1;
    }
}
