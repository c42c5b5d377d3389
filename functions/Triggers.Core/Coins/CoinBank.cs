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
                    return first;
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

                // A refusal changes no balance: only its entry is written, so asking again gets the same answer.
                var next = entry.Applied ? current with { Coins = coins, Xp = xp } : null;
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
}
