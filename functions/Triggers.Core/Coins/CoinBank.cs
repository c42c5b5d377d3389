using System.Collections.Concurrent;

namespace Triggers.Core.Coins;

/// <summary>
/// The knowledge-coin bank: applies each operation to a wallet exactly once, and never lets spendable coins go below
/// zero. An operation's entry and the wallet's new balances are written together, guarded by the balances read, so
/// two workers cannot both spend the same coins; the entry's id (the operation id) makes every retry return the first
/// answer. In one process, operations on one wallet queue behind each other, so they rarely race at the store.
/// </summary>
public sealed class CoinBank(ICoinStore store, TimeProvider time)
{
    private const int Attempts = 64;

    private readonly ConcurrentDictionary<(string, string), SemaphoreSlim> _gates = new();

    /// <summary>
    /// Applies the operation once per <paramref name="key"/> in the tenant (an admin's or a caller's idempotency key): the
    /// key's first use fixes its wallet and its operation, so a retry lands in the same wallet even if the account was
    /// linked to a person since, and the same key for another operation is refused.
    /// </summary>
    /// <exception cref="CoinConflictException">The key was used for a different operation.</exception>
    public async Task<(string Wallet, CoinEntry Entry)> ApplyOnceAsync(string tenant, string key, string wallet, CoinOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(operation));
        }

        var claim = await store.ClaimKeyAsync(tenant, new CoinKeyClaim(key, wallet, operation.Kind, operation.Coins, operation.Xp), cancellationToken);
        if (!SameOperation(claim.Kind, claim.Coins, claim.Xp, operation))
        {
            throw new CoinConflictException($"idempotency key '{key}' was already used for a {claim.Kind} of {Describe(claim.Coins, claim.Xp)}; use a new one");
        }

        return (claim.Wallet, await ApplyAsync(tenant, claim.Wallet, operation, cancellationToken));
    }

    public async Task<Wallet> BalanceAsync(string tenant, string wallet, CancellationToken cancellationToken) =>
        await store.GetWalletAsync(tenant, wallet, cancellationToken) ?? Wallet.Empty(tenant, wallet);

    /// <summary>Applies the operation once; the entry says whether it applied. A second call with the same id returns the first entry.</summary>
    /// <exception cref="ArgumentException">The operation is malformed (<see cref="CoinOperation.Problem"/>).</exception>
    public async Task<CoinEntry> ApplyAsync(string tenant, string wallet, CoinOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(operation));
        }

        var gate = _gates.GetOrAdd((tenant, wallet), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await store.GetEntryAsync(tenant, wallet, operation.Id, cancellationToken) is { } first)
                {
                    return SameOperation(first.Kind, first.Coins, first.Xp, operation) ? first
                        : throw new CoinConflictException($"operation id '{operation.Id}' was already used for a {first.Kind} of {Describe(first.Coins, first.Xp)}; use a new one");
                }

                var current = await store.GetWalletAsync(tenant, wallet, cancellationToken) ?? Wallet.Empty(tenant, wallet);
                var (coins, xp) = (current.Coins + operation.Coins, current.Xp + operation.Xp);
                var entry = new CoinEntry
                {
                    Id = operation.Id,
                    Kind = operation.Kind,
                    Coins = operation.Coins,
                    Xp = operation.Xp,
                    Reason = operation.Reason,
                    By = operation.By,
                    At = time.GetUtcNow(),
                    Outcome = coins < 0 ? CoinOutcomes.InsufficientBalance : CoinOutcomes.Applied,
                    CoinsAfter = coins < 0 ? current.Coins : coins,
                    XpAfter = coins < 0 ? current.Xp : xp,
                };

                // A refusal changes no balance but is written against the balances it was judged on, like an applied entry:
                // judged on a stale balance, it loses the race and is judged again.
                var next = entry.Applied ? current with { Coins = coins, Xp = xp } : current;
                if (await store.TryApplyAsync(tenant, wallet, entry, next, cancellationToken))
                {
                    return entry;
                }
            }
        }
        finally
        {
            gate.Release();
        }

        throw new InvalidOperationException($"wallet {wallet} kept changing during {Attempts} attempts to apply operation {operation.Id}; try again with the same id");
    }

    private static bool SameOperation(string kind, long coins, long xp, CoinOperation operation) =>
        kind == operation.Kind && coins == operation.Coins && xp == operation.Xp;

    private static string Describe(long coins, long xp) => xp == 0 ? $"{Math.Abs(coins)} coins" : $"{xp} xp";
}
