using Triggers.Core.Identity;

namespace Triggers.Core.Coins;

/// <summary>
/// Combines wallets when accounts join a person: whatever an account's own wallet (or a person merged away) holds moves
/// to the person's wallet as two entries, taken out of the old wallet first and then added to the new one. The second step
/// is derived from the first entry, so a merge cut short between the two finishes the next time the same wallets are
/// merged (every link names them again), and nothing is added twice.
/// </summary>
public sealed class WalletMerger(CoinBank bank)
{
    /// <summary>Moves what each wallet in <paramref name="from"/> holds into <paramref name="to"/>.</summary>
    public async Task MergeAsync(string tenant, IEnumerable<string> from, string to, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        foreach (var wallet in from.Where(w => w != to).Distinct(StringComparer.Ordinal))
        {
            await MoveAsync(tenant, wallet, to, by, cancellationToken);
        }
    }

    private async Task MoveAsync(string tenant, string from, string to, string by, CancellationToken cancellationToken)
    {
        var prefix = $"transfer:{StableId.From(to)[..16]}:";
        // Everything the old wallet holds, judged against the same read it is written with (expired coins go first).
        await bank.ExpireAsync(tenant, from, cancellationToken);
        await bank.TakeAllAsync(tenant, from, prefix, $"merged into {Cut(to)}", by, cancellationToken);

        foreach (var taken in (await bank.StatementAsync(tenant, from, cancellationToken)).Where(e => IsTakenOut(e) && e.Id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var give = new CoinOperation(IncomingId(from, taken.Id), CoinKinds.Transfer, -taken.Coins, -taken.Xp, $"merged from {Cut(from)}", by);
            await bank.ApplyAsync(tenant, to, give, cancellationToken);
        }
    }

    /// <summary>Whether the entry took coins out of its wallet for a merge.</summary>
    public static bool IsTakenOut(CoinEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Applied && entry.Kind == CoinKinds.Transfer && entry.Id.StartsWith("transfer:", StringComparison.Ordinal);
    }

    /// <summary>The id of the entry that adds what <paramref name="takenId"/> took out of <paramref name="from"/> to the person's wallet.</summary>
    public static string IncomingId(string from, string takenId) => $"transfer-in:{StableId.From(from)[..16]}:{takenId}";

    // Reasons are at most 500 characters; wallet ids may be up to ~270.
    private static string Cut(string wallet) => wallet.Length <= 300 ? wallet : wallet[..300] + "…";
}
