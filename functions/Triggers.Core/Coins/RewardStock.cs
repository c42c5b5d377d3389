using System.Collections.Concurrent;

namespace Triggers.Core.Coins;

/// <summary>How many units of a reward are claimed, as stored; <see cref="Version"/> is the store's concurrency token (null: none stored yet).</summary>
public sealed record StockCount(long Claimed, string? Version);

/// <summary>One redemption's claim on a unit: held while it stands, released (never deleted) when the redemption was refused.</summary>
public sealed record StockHold(string Id, bool Held, string Version);

/// <summary>How asking for a unit ended.</summary>
public enum HoldOutcome
{
    /// <summary>A unit was claimed for this redemption now.</summary>
    Reserved,

    /// <summary>This redemption holds a unit already (a retry).</summary>
    AlreadyHeld,

    /// <summary>This redemption held a unit and gave it back: it was refused before.</summary>
    Released,

    /// <summary>Every unit is claimed.</summary>
    OutOfStock,
}

/// <summary>Where claimed units are counted (table <c>RewardStock</c>, one partition per reward, apart from the staff-edited <c>Rewards</c>).</summary>
public interface IRewardStockStore
{
    Task<StockCount> GetCountAsync(string tenant, string reward, CancellationToken cancellationToken);

    Task<StockHold?> GetHoldAsync(string tenant, string reward, string hold, CancellationToken cancellationToken);

    /// <summary>Adds the hold (held) and writes the count guarded by the version it was read at, both or neither; false when either lost a race.</summary>
    Task<bool> TryHoldAsync(string tenant, string reward, string hold, StockCount next, CancellationToken cancellationToken);

    /// <summary>Marks the hold released and writes the count, each guarded by the version it was read at, both or neither.</summary>
    Task<bool> TryReleaseAsync(string tenant, string reward, StockHold hold, StockCount next, CancellationToken cancellationToken);
}

/// <summary>
/// A reward's units: a redemption claims one before it spends coins, and gives it back when the coins are refused, so
/// the units claimed never exceed the stock. Each claim is kept under the redemption's id, which makes every retry harmless.
/// </summary>
public sealed class RewardStock(IRewardStockStore store)
{
    private const int Attempts = 64;

    private readonly ConcurrentDictionary<(string, string), SemaphoreSlim> _gates = new();

    /// <summary>Claims a unit for the redemption <paramref name="hold"/> unless it has one, or all <paramref name="stock"/> are claimed.</summary>
    public async Task<HoldOutcome> ReserveAsync(string tenant, string reward, string hold, long stock, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd((tenant, reward), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await store.GetHoldAsync(tenant, reward, hold, cancellationToken) is { } held)
                {
                    return held.Held ? HoldOutcome.AlreadyHeld : HoldOutcome.Released;
                }

                var count = await store.GetCountAsync(tenant, reward, cancellationToken);
                if (count.Claimed >= stock)
                {
                    return HoldOutcome.OutOfStock;
                }

                if (await store.TryHoldAsync(tenant, reward, hold, count with { Claimed = count.Claimed + 1 }, cancellationToken))
                {
                    return HoldOutcome.Reserved;
                }
            }
        }
        finally
        {
            gate.Release();
        }

        throw new InvalidOperationException($"the stock of reward {reward} kept changing during {Attempts} attempts to claim a unit for {hold}; try again with the same key");
    }

    /// <summary>Gives the redemption's unit back, once; nothing when it holds none.</summary>
    public async Task ReleaseAsync(string tenant, string reward, string hold, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd((tenant, reward), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (await store.GetHoldAsync(tenant, reward, hold, cancellationToken) is not { Held: true } held)
                {
                    return;
                }

                var count = await store.GetCountAsync(tenant, reward, cancellationToken);
                if (await store.TryReleaseAsync(tenant, reward, held, count with { Claimed = Math.Max(0, count.Claimed - 1) }, cancellationToken))
                {
                    return;
                }
            }
        }
        finally
        {
            gate.Release();
        }

        throw new InvalidOperationException($"the stock of reward {reward} kept changing during {Attempts} attempts to give back the unit of {hold}; try again with the same key");
    }

    /// <summary>Units still free: never below zero, even when staff lowered the stock under the units claimed.</summary>
    public async Task<long> RemainingAsync(string tenant, Reward reward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reward);
        return Math.Max(0, reward.Stock - (await store.GetCountAsync(tenant, reward.Id, cancellationToken)).Claimed);
    }
}
