using System.Collections.Concurrent;

namespace Triggers.Core.Coins;

/// <summary>
/// The knowledge-coin bank: applies each operation to a wallet exactly once, and never lets spendable coins go below
/// zero. An operation's entry and the wallet's new balances are written together, guarded by the balances read, so
/// two workers cannot both spend the same coins; the entry's id (the operation id) makes every retry return the first
/// answer. In one process, operations on one wallet queue behind each other, so they rarely race at the store.
/// </summary>
/// <param name="expiry">Coins:Expiry: coins deposited longer ago than this and never spent expire, checked before a
/// withdrawal and when balances are read for people and rules. Null: coins never expire.</param>
public sealed class CoinBank(ICoinStore store, TimeProvider time, TimeSpan? expiry = null)
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
        if (!SameOperation(claim.Kind, claim.Coins, claim.Xp, operation) || claim.Reward is not null || claim.Erased)
        {
            throw KeyReused(claim);
        }

        return (claim.Wallet, await ApplyAsync(tenant, claim.Wallet, operation, cancellationToken));
    }

    public async Task<Wallet> BalanceAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        await ExpireAsync(tenant, wallet, cancellationToken);
        return await store.GetWalletAsync(tenant, wallet, cancellationToken) ?? Wallet.Empty(tenant, wallet);
    }

    /// <summary>
    /// Takes out the coins that expired (Coins:Expiry), as one <see cref="CoinKinds.Expiry"/> entry: coins in (deposits,
    /// refunds, transfers in) older than the expiry, less every coin that ever went out, spending the oldest first. Named
    /// after the balances' version, so a retry on an unchanged wallet finds its first entry. Nothing without an expiry.
    /// </summary>
    public async Task ExpireAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        if (expiry is not { } after)
        {
            return;
        }

        await ApplyComputedAsync(tenant, wallet, async (current, ct) =>
        {
            if (current is not { Coins: > 0, Version: { } version })
            {
                return null;
            }

            var cutoff = time.GetUtcNow() - after;
            var applied = (await store.ListEntriesAsync(tenant, wallet, ct)).Where(e => e.Applied).ToList();
            var due = applied.Where(e => e.Coins > 0 && e.At <= cutoff).Sum(e => e.Coins) - applied.Where(e => e.Coins < 0).Sum(e => -e.Coins);
            return due <= 0 ? null
                : new CoinOperation("expiry:" + Identity.StableId.From(version)[..16], CoinKinds.Expiry, -Math.Min(due, current.Coins), 0, $"coins older than {after.TotalDays:0} days expire", "expiry");
        }, cancellationToken);
    }

    /// <summary>
    /// Takes everything the wallet holds out, as one <see cref="CoinKinds.Transfer"/> entry named <paramref name="idPrefix"/>
    /// and the balances' version, judged and written against the same read, so a deposit or a withdrawal landing meanwhile
    /// makes it read again rather than move a stale amount. Returns the entry, or null when the wallet holds nothing.
    /// </summary>
    public Task<CoinEntry?> TakeAllAsync(string tenant, string wallet, string idPrefix, string reason, string by, CancellationToken cancellationToken) =>
        ApplyComputedAsync(tenant, wallet, (current, _) => Task.FromResult(
            current is { Version: { } version } && (current.Coins != 0 || current.Xp != 0)
                ? new CoinOperation(idPrefix + Identity.StableId.From(version)[..16], CoinKinds.Transfer, -current.Coins, -current.Xp, reason, by)
                : null), cancellationToken);

    /// <summary>
    /// An operation whose amounts depend on the wallet (expiry, a merge's take-out): computed from a read and written
    /// guarded by that read's version; any change in between computes it again. Its id carries the version, so the same
    /// read always yields the same operation and a retry finds it written.
    /// </summary>
    private async Task<CoinEntry?> ApplyComputedAsync(
        string tenant, string wallet, Func<Wallet?, CancellationToken, Task<CoinOperation?>> compute, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd((tenant, wallet), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var current = await store.GetWalletAsync(tenant, wallet, cancellationToken);
                if (await compute(current, cancellationToken) is not { } operation)
                {
                    return null;
                }

                if (await store.GetEntryAsync(tenant, wallet, operation.Id, cancellationToken) is { } first)
                {
                    return first;
                }

                var entry = new CoinEntry
                {
                    Id = operation.Id,
                    Kind = operation.Kind,
                    Coins = operation.Coins,
                    Xp = operation.Xp,
                    Reason = operation.Reason,
                    By = operation.By,
                    At = time.GetUtcNow(),
                    Outcome = CoinOutcomes.Applied,
                    CoinsAfter = current!.Coins + operation.Coins,
                    XpAfter = current.Xp + operation.Xp,
                };
                if (await store.TryApplyAsync(tenant, wallet, entry, current with { Coins = entry.CoinsAfter, Xp = entry.XpAfter }, cancellationToken))
                {
                    return entry;
                }
            }
        }
        finally
        {
            gate.Release();
        }

        throw new InvalidOperationException($"wallet {wallet} kept changing during {Attempts} attempts to settle it; try again");
    }

    /// <summary>Applies the operation once; the entry says whether it applied. A second call with the same id returns the first entry.</summary>
    /// <exception cref="ArgumentException">The operation is malformed (<see cref="CoinOperation.Problem"/>).</exception>
    public async Task<CoinEntry> ApplyAsync(string tenant, string wallet, CoinOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Coins < 0 && operation.Kind != CoinKinds.Transfer)
        {
            // Expired coins cannot be spent.
            await ExpireAsync(tenant, wallet, cancellationToken);
        }

        return (await SettleAsync(tenant, wallet, operation, null, applyIfCovered: true, cancellationToken))!;
    }

    /// <summary>
    /// Records a withdrawal the balance does not cover as refused, as <see cref="ApplyAsync"/> would; when it is covered,
    /// applies nothing and returns null (a redemption claims its unit of stock first). An entry already recorded under the
    /// id is returned as it is.
    /// </summary>
    public async Task<CoinEntry?> RefuseIfShortAsync(string tenant, string wallet, CoinOperation operation, CancellationToken cancellationToken)
    {
        await ExpireAsync(tenant, wallet, cancellationToken);
        return await SettleAsync(tenant, wallet, operation, null, applyIfCovered: false, cancellationToken);
    }

    /// <summary>
    /// Records the operation as refused for <paramref name="outcome"/> (a reward out of stock), changing no balance, unless
    /// an entry with its id exists already; either way the entry that stands is returned, so a retry gets the first answer.
    /// </summary>
    public async Task<CoinEntry> RefuseAsync(string tenant, string wallet, CoinOperation operation, string outcome, CancellationToken cancellationToken) =>
        (await SettleAsync(tenant, wallet, operation, outcome, applyIfCovered: false, cancellationToken))!;

    /// <summary>The wallet's entries, oldest first.</summary>
    public Task<IReadOnlyList<CoinEntry>> StatementAsync(string tenant, string wallet, CancellationToken cancellationToken) =>
        store.ListEntriesAsync(tenant, wallet, cancellationToken);

    /// <param name="refusal">Refuse for this outcome whatever the balance; null: judge by the balance.</param>
    /// <param name="applyIfCovered">False: when the balance covers the operation, write nothing and return null.</param>
    private async Task<CoinEntry?> SettleAsync(
        string tenant, string wallet, CoinOperation operation, string? refusal, bool applyIfCovered, CancellationToken cancellationToken)
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
                var outcome = refusal ?? (coins < 0 ? CoinOutcomes.InsufficientBalance : CoinOutcomes.Applied);
                var applied = outcome == CoinOutcomes.Applied;
                if (applied && !applyIfCovered)
                {
                    return null;
                }

                var entry = new CoinEntry
                {
                    Id = operation.Id,
                    Kind = operation.Kind,
                    Coins = operation.Coins,
                    Xp = operation.Xp,
                    Reason = operation.Reason,
                    By = operation.By,
                    At = time.GetUtcNow(),
                    Outcome = outcome,
                    CoinsAfter = applied ? coins : current.Coins,
                    XpAfter = applied ? xp : current.Xp,
                };

                // A refusal changes no balance but is written against the balances it was judged on, like an applied entry:
                // judged on a stale balance, it loses the race and is judged again.
                var next = applied ? current with { Coins = coins, Xp = xp } : current;
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

    /// <summary>Records what the key is for unless it is recorded already; the first record either way.</summary>
    public Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken) => store.ClaimKeyAsync(tenant, claim, cancellationToken);

    /// <summary>What the key was first used for, or null.</summary>
    public Task<CoinKeyClaim?> KeyAsync(string tenant, string key, CancellationToken cancellationToken) => store.GetKeyAsync(tenant, key, cancellationToken);

    /// <summary>The error for a key used again for something else.</summary>
    public static CoinConflictException KeyReused(CoinKeyClaim first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first.Erased)
        {
            return new CoinConflictException($"idempotency key '{first.Key}' belonged to a person who was erased on request; use a new one");
        }

        var what = first.Reward is null ? $"a {first.Kind} of {Describe(first.Coins, first.Xp)}" : $"redeeming reward '{first.Reward}'";
        return new CoinConflictException($"idempotency key '{first.Key}' was already used for {what}; use a new one");
    }

    private static bool SameOperation(string kind, long coins, long xp, CoinOperation operation) =>
        kind == operation.Kind && coins == operation.Coins && xp == operation.Xp;

    private static string Describe(long coins, long xp) => xp == 0 ? $"{Math.Abs(coins)} coins" : $"{xp} xp";
}
