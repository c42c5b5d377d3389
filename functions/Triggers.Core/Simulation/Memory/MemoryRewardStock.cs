using System.Globalization;
using Triggers.Core.Coins;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Reward stock counts and holds in memory, with versions that behave like the table's ETags and all-or-nothing writes.</summary>
public sealed class MemoryRewardStock : IRewardStockStore
{
    private readonly Dictionary<(string, string), StockCount> _counts = [];
    private readonly Dictionary<(string, string, string), StockHold> _holds = [];
    private readonly Lock _gate = new();
    private long _version;

    public async Task<StockCount> GetCountAsync(string tenant, string reward, CancellationToken cancellationToken)
    {
        // Yield as a store round-trip would, so concurrent callers really interleave between their read and their write.
        await Task.Yield();
        lock (_gate)
        {
            return _counts.GetValueOrDefault((tenant, reward)) ?? new StockCount(0, null);
        }
    }

    public Task<StockHold?> GetHoldAsync(string tenant, string reward, string hold, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_holds.GetValueOrDefault((tenant, reward, hold)));
        }
    }

    public Task<bool> TryHoldAsync(string tenant, string reward, string hold, StockCount next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            if (_holds.ContainsKey((tenant, reward, hold)) || _counts.GetValueOrDefault((tenant, reward))?.Version != next.Version)
            {
                return Task.FromResult(false);
            }

            _holds[(tenant, reward, hold)] = new StockHold(hold, true, NextVersion());
            _counts[(tenant, reward)] = next with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryReleaseAsync(string tenant, string reward, StockHold hold, StockCount next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            if (_holds.GetValueOrDefault((tenant, reward, hold.Id))?.Version != hold.Version || _counts.GetValueOrDefault((tenant, reward))?.Version != next.Version)
            {
                return Task.FromResult(false);
            }

            _holds[(tenant, reward, hold.Id)] = hold with { Held = false, Version = NextVersion() };
            _counts[(tenant, reward)] = next with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
