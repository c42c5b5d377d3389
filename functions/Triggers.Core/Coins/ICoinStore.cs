namespace Triggers.Core.Coins;

/// <summary>Where wallets and their entries are kept (table <c>Coins</c>, one partition per wallet).</summary>
public interface ICoinStore
{
    Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken);

    Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken);

    /// <summary>The wallet's entries, oldest first.</summary>
    Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the entry and, when <paramref name="next"/> is given, writes the wallet guarded by the version it was read at,
    /// both or neither. False when the entry exists already or the wallet changed since it was read.
    /// </summary>
    Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet? next, CancellationToken cancellationToken);
}
