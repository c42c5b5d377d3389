using System.CommandLine;
using Triggers.Azure.Stores;
using Triggers.Cli.Rules;

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
        var result = await TableCoinAudit.RunAsync(CliStorage.Resolve(connection).CreateTableServiceClient(), tenant, output, ct);
        await Console.Error.WriteLineAsync($"{result.Wallets} wallet(s), {result.Entries} entries, {result.Mismatches} mismatch(es)");
        return result.Mismatches == 0 ? 0 : 1;
    }
}
