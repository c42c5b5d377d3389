namespace Triggers.Core.Coins;

/// <summary>Figures read from a wallet's statement.</summary>
public static class CoinStatement
{
    /// <summary>Coins deposited (applied deposits) at or after <paramref name="since"/>: what rules see as <c>contact.coins.earned30d</c>.</summary>
    public static long Earned(IEnumerable<CoinEntry> entries, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Where(e => e.Applied && e.Kind == CoinKinds.Deposit && e.At >= since).Sum(e => e.Coins);
    }
}
