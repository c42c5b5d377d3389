using System.Globalization;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Rule cooldowns in memory, version-guarded like the table.</summary>
internal sealed class MemoryCooldowns : ICooldownStore
{
    private readonly Dictionary<(string, string, string), CooldownRecord> _records = [];
    private long _version;

    public Task<CooldownRecord?> GetAsync(string tenant, string ruleId, string contact, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault((tenant, ruleId, contact)));

    public Task<bool> TryWriteAsync(string tenant, string ruleId, string contact, CooldownEntry entry, string? expectedVersion, CancellationToken cancellationToken)
    {
        var key = (tenant, ruleId, contact);
        if (_records.GetValueOrDefault(key)?.Version != expectedVersion)
        {
            return Task.FromResult(false);
        }

        _records[key] = new CooldownRecord(entry, (++_version).ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(true);
    }
}
