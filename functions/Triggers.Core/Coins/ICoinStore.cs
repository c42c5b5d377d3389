namespace Triggers.Core.Coins;

/// <summary>Where wallets and their entries are kept (table <c>Coins</c>, one partition per wallet).</summary>
public interface ICoinStore
{
    /// <summary>Records what the key is for unless it is recorded already; returns the first record either way.</summary>
    Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken);

    /// <summary>What the key was first used for, or null when it was never used.</summary>
    Task<CoinKeyClaim?> GetKeyAsync(string tenant, string key, CancellationToken cancellationToken);

    Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken);

    Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken);

    /// <summary>The wallet's entries, oldest first.</summary>
    Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the entry and writes the wallet guarded by the version it was read at (a null version: it must not exist
    /// yet), both or neither. False when the entry exists already or the wallet changed since it was read.
    /// </summary>
    Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet next, CancellationToken cancellationToken);
}
