using Triggers.Core.Contacts;

namespace Triggers.Core.Simulation.Memory;

/// <summary>The send ledger in memory: one entry per id and local day.</summary>
internal sealed class MemoryLedger : ISendLedger
{
    private readonly Dictionary<(string Tenant, string Channel, string Contact, DateOnly Day, string Id), bool> _entries = [];

    public Task RecordAsync(string tenant, string channel, string contact, DateOnly localDay, string id, bool automated, CancellationToken cancellationToken)
    {
        _entries.TryAdd((tenant, channel, contact, localDay, id), automated);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string tenant, string channel, string contact, DateOnly localDay, string id, CancellationToken cancellationToken)
    {
        _entries.Remove((tenant, channel, contact, localDay, id));
        return Task.CompletedTask;
    }

    public Task<LedgerTally> TallyAsync(
        string tenant, string channel, string contact, DateOnly day, DateOnly weekFrom, DateOnly weekTo, CancellationToken cancellationToken)
    {
        var week = _entries.Where(e => e.Key.Tenant == tenant && e.Key.Channel == channel && e.Key.Contact == contact && e.Key.Day >= weekFrom && e.Key.Day <= weekTo).ToList();
        var today = week.Where(e => e.Key.Day == day).ToList();
        return Task.FromResult(new LedgerTally(today.Count, today.Count(e => e.Value), week.Count, week.Count(e => e.Value)));
    }
}
