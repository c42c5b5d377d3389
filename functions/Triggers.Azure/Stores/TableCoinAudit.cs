using Azure.Data.Tables;
using Triggers.Core.Coins;

namespace Triggers.Azure.Stores;

/// <summary>
/// What <c>coins audit</c> runs: every wallet of table Coins (of one tenant, or all) checked against its applied entries
/// and for an owner who reads it, and every merge of wallets checked for both halves. Writes each mismatch as a line.
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
        var people = new TablePeopleStore(tables);
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

            if ((wallet.Coins != 0 || wallet.Xp != 0) && await OwnerProblemAsync(people, wallet, cancellationToken) is { } orphan)
            {
                mismatches++;
                await output.WriteLineAsync($"{wallet.Tenant}: {orphan}");
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

    /// <summary>
    /// Why a wallet that holds something has no owner who reads it: a person's wallet whose person is gone, or an
    /// account's own wallet while the account belongs to a person (its coins should have moved there). Null when owned.
    /// </summary>
    private static async Task<string?> OwnerProblemAsync(TablePeopleStore people, Wallet wallet, CancellationToken cancellationToken)
    {
        if (wallet.Id.StartsWith("member:", StringComparison.Ordinal) || wallet.Id.StartsWith("linked:", StringComparison.Ordinal))
        {
            return await people.GetPersonAsync(wallet.Tenant, wallet.Id, cancellationToken) is null
                ? $"wallet {wallet.Id} holds {wallet.Coins} coins and {wallet.Xp} xp, but its person no longer exists; link its accounts again to move them"
                : null;
        }

        return Core.People.AccountRef.TryParse(wallet.Id, out var account, out _) && await people.GetLinkAsync(wallet.Tenant, account, cancellationToken) is { } link
            ? $"wallet {wallet.Id} holds {wallet.Coins} coins and {wallet.Xp} xp, but the account belongs to {link.Person}; link it again to move them"
            : null;
    }
}
