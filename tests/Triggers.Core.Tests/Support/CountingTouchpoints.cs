using Triggers.Core.Processing;
using Triggers.Core.Simulation.Memory;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Support;

/// <summary>Touchpoints in memory that count point reads and queries.</summary>
internal sealed class CountingTouchpoints : ITouchpointStore
{
    private readonly MemoryTouchpoints _inner = new();

    public int Reads { get; private set; }

    public int Queries { get; private set; }

    public Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken) => _inner.TryAddAsync(touchpoint, cancellationToken);

    public Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        Reads++;
        return _inner.GetAsync(tenant, id, cancellationToken);
    }

    public Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken)
    {
        Queries++;
        return _inner.ListPendingForContactAsync(tenant, channel, contact, cancellationToken);
    }

    public Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken) => _inner.TryReplaceAsync(touchpoint, cancellationToken);
}
