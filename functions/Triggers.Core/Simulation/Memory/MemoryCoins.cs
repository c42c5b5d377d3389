using System.Globalization;
using Triggers.Core.Coins;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Wallets and entries in memory, with versions that behave like the table's ETags and all-or-nothing writes.</summary>
public sealed class MemoryCoins : ICoinStore
{
    private readonly Dictionary<(string, string), Wallet> _wallets = [];
    private readonly Dictionary<(string, string), List<CoinEntry>> _entries = [];
    private readonly Dictionary<(string, string), CoinKeyClaim> _keys = [];
    private readonly Lock _gate = new();
    private long _version;

    public Task<CoinKeyClaim> ClaimKeyAsync(string tenant, CoinKeyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            return Task.FromResult(_keys.TryAdd((tenant, claim.Key), claim) ? claim : _keys[(tenant, claim.Key)]);
        }
    }

    public Task<CoinKeyClaim?> GetKeyAsync(string tenant, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_keys.GetValueOrDefault((tenant, key)));
        }
    }

    public async Task<Wallet?> GetWalletAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        // Yield as a store round-trip would, so concurrent callers really interleave between their read and their write.
        await Task.Yield();
        lock (_gate)
        {
            return _wallets.GetValueOrDefault((tenant, wallet));
        }
    }

    public Task<CoinEntry?> GetEntryAsync(string tenant, string wallet, string entryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault((tenant, wallet))?.Find(e => e.Id == entryId));
        }
    }

    public Task<IReadOnlyList<CoinEntry>> ListEntriesAsync(string tenant, string wallet, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<CoinEntry>>([.. _entries.GetValueOrDefault((tenant, wallet)) ?? []]);
        }
    }

    public Task<bool> TryApplyAsync(string tenant, string wallet, CoinEntry entry, Wallet next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            var entries = _entries.GetValueOrDefault((tenant, wallet)) ?? [];
            if (entries.Exists(e => e.Id == entry.Id) || _wallets.GetValueOrDefault((tenant, wallet))?.Version != next.Version)
            {
                return Task.FromResult(false);
            }

            entries.Add(entry);
            _entries[(tenant, wallet)] = entries;
            _wallets[(tenant, wallet)] = next with { Version = (++_version).ToString(CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }
}
