using Triggers.Core.Contacts;
using Triggers.Core.Simulation.Memory;

namespace Triggers.Core.Tests.Support;

/// <summary>A send ledger in memory that counts its tallies (each one a query against the table in production).</summary>
internal sealed class CountingLedger : ISendLedger
{
    private readonly MemoryLedger _inner = new();

    public int Tallies { get; private set; }

    public Task RecordAsync(string tenant, string channel, string contact, DateOnly localDay, string id, bool automated, CancellationToken cancellationToken) =>
        _inner.RecordAsync(tenant, channel, contact, localDay, id, automated, cancellationToken);

    public Task RemoveAsync(string tenant, string channel, string contact, DateOnly localDay, string id, CancellationToken cancellationToken) =>
        _inner.RemoveAsync(tenant, channel, contact, localDay, id, cancellationToken);

    public Task<LedgerTally> TallyAsync(string tenant, string channel, string contact, DateOnly day, DateOnly weekFrom, DateOnly weekTo, CancellationToken cancellationToken)
    {
        Tallies++;
        return _inner.TallyAsync(tenant, channel, contact, day, weekFrom, weekTo, cancellationToken);
    }
}
