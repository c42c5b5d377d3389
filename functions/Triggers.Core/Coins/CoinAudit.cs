namespace Triggers.Core.Coins;

/// <summary>Checks a wallet against its entries: what <c>coins audit</c> reports.</summary>
public static class CoinAudit
{
    /// <summary>Every mismatch between the wallet and the sum of its applied entries, each as a sentence; empty when they agree.</summary>
    public static IReadOnlyList<string> Check(Wallet wallet, IReadOnlyList<CoinEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        var applied = entries.Where(e => e.Applied).ToList();
        var (coins, xp) = (applied.Sum(e => e.Coins), applied.Sum(e => e.Xp));

        if (coins != wallet.Coins)
        {
            problems.Add($"wallet {wallet.Id}: {wallet.Coins} coins stored, but its applied entries add up to {coins}");
        }

        if (xp != wallet.Xp)
        {
            problems.Add($"wallet {wallet.Id}: {wallet.Xp} xp stored, but its applied entries add up to {xp}");
        }

        if (wallet.Coins < 0)
        {
            problems.Add($"wallet {wallet.Id}: negative balance {wallet.Coins}");
        }

        problems.AddRange(entries.Where(e => e.CoinsAfter < 0).Select(e => $"wallet {wallet.Id}: entry {e.Id} left a negative balance {e.CoinsAfter}"));
        return problems;
    }

    /// <summary>
    /// Coins a merge took out of a wallet that no wallet of the tenant has received yet (the merge was cut short between
    /// its two entries), each as a sentence. Linking the accounts again finishes it.
    /// </summary>
    public static IReadOnlyList<string> UnfinishedTransfers(IReadOnlyCollection<(Wallet Wallet, IReadOnlyList<CoinEntry> Entries)> wallets)
    {
        ArgumentNullException.ThrowIfNull(wallets);
        var received = wallets.SelectMany(w => w.Entries).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. wallets.SelectMany(w => w.Entries.Where(WalletMerger.IsTakenOut)
            .Where(e => !received.Contains(WalletMerger.IncomingId(w.Wallet.Id, e.Id)))
            .Select(e => $"wallet {w.Wallet.Id}: {-e.Coins} coins and {-e.Xp} xp taken out by {e.Id} ({e.Reason}) were never added to the person's wallet; link the accounts again to finish the merge"))];
    }
}
