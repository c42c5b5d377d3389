using System.Globalization;
using Triggers.Core.Trust;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Trust states and entries in memory, with versions that behave like the table's ETags and all-or-nothing writes.</summary>
public sealed class MemoryTrust : ITrustStore
{
    private readonly Dictionary<(string, string), TrustState> _states = [];
    private readonly HashSet<(string, string, string)> _entries = [];
    private readonly Lock _gate = new();
    private long _version;

    public Task<TrustState?> GetAsync(string tenant, string account, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault((tenant, account)));
        }
    }

    public Task<bool> HasEntryAsync(string tenant, string account, string entryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_entries.Contains((tenant, account, entryId)));
        }
    }

    public Task<bool> TryApplyAsync(TrustEntry entry, TrustState next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            var key = (next.Tenant, next.Account);
            if (_entries.Contains((next.Tenant, next.Account, entry.Id)) || _states.GetValueOrDefault(key)?.Version != next.Version)
            {
                return Task.FromResult(false);
            }

            _entries.Add((next.Tenant, next.Account, entry.Id));
            _states[key] = next with { Version = (++_version).ToString(CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }
}
