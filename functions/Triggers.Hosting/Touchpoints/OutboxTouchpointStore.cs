using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// The touchpoint store every part of the app writes through. Each write records the event of a new outcome in the same
/// entity (<see cref="TouchpointOutbox.Record"/>), then publishes what is pending and clears it. A failed publish, or a
/// crash between the write and the publish, leaves the event pending; the dispatcher's next pass publishes it again with
/// the same id (<see cref="PublishPendingAsync"/>), so an event is never lost, and Service Bus duplicate detection drops
/// the rare second copy.
/// </summary>
public sealed partial class OutboxTouchpointStore(
    ITouchpointStore inner,
    ITouchpointEventPublisher publisher,
    TimeProvider time,
    ILogger<OutboxTouchpointStore> logger) : ITouchpointStore
{
    /// <summary>How long an event may be pending before the sweep publishes it (its writer normally does, at once).</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(1);

    public async Task<bool> AddIfAbsentAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (!await inner.AddIfAbsentAsync(TouchpointOutbox.Record(touchpoint, time.GetUtcNow()), cancellationToken))
        {
            return false;
        }

        // Read back for its version, which clearing the outbox needs.
        if (await inner.GetAsync(touchpoint.Tenant, touchpoint.Id, cancellationToken) is { } stored)
        {
            await PublishAsync(stored, cancellationToken);
        }

        return true;
    }

    public async Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var stored = await inner.TryReplaceAsync(TouchpointOutbox.Record(touchpoint, time.GetUtcNow()), cancellationToken);
        return stored is null ? null : await PublishAsync(stored, cancellationToken);
    }

    /// <summary>Publishes the events of a tenant's touchpoints left pending for at least <see cref="SweepAfter"/>.</summary>
    public async Task<int> PublishPendingAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - SweepAfter;
        var published = 0;
        foreach (var touchpoint in await inner.ListWithPendingEventsAsync(tenant, limit, cancellationToken))
        {
            if (TouchpointOutbox.Pending(touchpoint) is { Count: > 0 } pending && pending[0].At <= cutoff)
            {
                var after = await PublishAsync(touchpoint, cancellationToken);
                published += after.PendingEvents is null ? pending.Count : 0;
            }
        }

        return published;
    }

    public Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken) =>
        inner.GetAsync(tenant, id, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(tenant, status, limit, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.ListDueAsync(tenant, now, limit, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
        inner.ListPendingForContactAsync(tenant, channel, contact, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, int limit, CancellationToken cancellationToken) =>
        inner.ListWithPendingEventsAsync(tenant, limit, cancellationToken);

    /// <summary>Publishes the stored touchpoint's pending events and clears them; returns it as stored afterwards.</summary>
    private async Task<Touchpoint> PublishAsync(Touchpoint stored, CancellationToken cancellationToken)
    {
        var pending = TouchpointOutbox.Pending(stored);
        if (pending.Count == 0)
        {
            return stored;
        }

        try
        {
            await publisher.PublishAsync([.. pending.Select(p => TouchpointOutbox.EventOf(stored, p))], cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Still pending in the outbox: the dispatcher's sweep publishes it later.
            Log.PublishFailed(logger, stored.Id, publisher.Destination, ex.Message);
            return stored;
        }

        // If someone changed the touchpoint meanwhile, the events stay pending and the sweep publishes them again
        // under the same ids: a duplicate the topic drops, never a loss.
        return await inner.TryReplaceAsync(TouchpointOutbox.Published(stored, pending), cancellationToken) ?? stored;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3701, Level = LogLevel.Warning, Message = "Events of touchpoint {TouchpointId} stay in its outbox; publishing to {Destination} failed: {Reason}")]
        public static partial void PublishFailed(ILogger logger, string touchpointId, string destination, string reason);
    }
}
