using Triggers.Azure.Events;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// The touchpoint store every part of the app writes through. Each write records the event of a new outcome in the same
/// entity (<see cref="TouchpointOutbox.Record"/>); the writer then publishes the events its write recorded and clears
/// them. The exception is a touchpoint the decision pipeline creates (<see cref="TryAddAsync"/>): its signal's queue
/// message is the outbox until the signal is marked decided, so its creation event enters the entity only when
/// publishing it fails. A failed publish, or a crash between the write and the publish, leaves the event pending; the dispatcher's next
/// pass publishes it with the same id (<see cref="PublishPendingAsync"/>), so an event is never lost, and Service Bus
/// duplicate detection drops the rare second copy.
/// </summary>
/// <remarks>
/// Clearing the outbox is a write of its own. It may change the version of a touchpoint a dispatcher holds; the
/// dispatcher then re-reads and, if the touchpoint is still its claim, writes its outcome again (TouchpointDispatcher).
/// The sweep leaves alone a touchpoint whose lease is running, so a send in flight is never disturbed by it.
/// </remarks>
public sealed partial class OutboxTouchpointStore(
    ITouchpointStore inner,
    ITouchpointEventPublisher publisher,
    TimeProvider time,
    ILogger<OutboxTouchpointStore> logger) : DelegatingTouchpointStore(inner)
{
    /// <summary>How long an event may be pending before the sweep publishes it (its writer normally does, at once).</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(1);

    private const int ClearAttempts = 3;

    /// <summary>
    /// Once its write is stored, a writer's publish and clear run to the end within this, whatever the caller's token says:
    /// a stop in between would leave the event pending and the sweep would publish it twice.
    /// </summary>
    private static readonly TimeSpan FinishWithin = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Records a touchpoint the decision pipeline planned, and publishes the event of its creation. The event goes into the
    /// outbox only when publishing fails: the worker marks the signal decided after this returns, so a crash before the
    /// publish brings the signal back, and deciding it again lands in the other branch, which announces the recorded
    /// touchpoint again (the same id). This saves the write that clears the outbox.
    /// When the touchpoint exists already (a redelivered or duplicate signal, or a passive reply the webhook recorded),
    /// also publishes what that one left pending, unless a dispatcher is sending it.
    /// </summary>
    public override async Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var recorded = TouchpointOutbox.Record(touchpoint, time.GetUtcNow());
        var events = TouchpointOutbox.Pending(recorded);
        var added = await base.TryAddAsync(TouchpointOutbox.Published(recorded, events), cancellationToken);
        if (added is null)
        {
            await AnnounceRecordedAsync(touchpoint.Tenant, touchpoint.Id, cancellationToken);
            return null;
        }

        // The touchpoint is stored: finishing its event is bounded by FinishWithin, not by the caller's token.
        using var finish = new CancellationTokenSource(FinishWithin);
        if (events.Count == 0 || await TryPublishAsync(added, events, finish.Token))
        {
            return added;
        }

        // Not published: into the outbox, for the sweep. If this write fails too, the signal is decided again.
        return await base.TryReplaceAsync(added with { PendingEvents = recorded.PendingEvents }, finish.Token)
            ?? throw new InvalidOperationException($"The event of touchpoint {added.Id} was neither published nor kept in its outbox; the signal is decided again.");
    }

    /// <summary>
    /// For a touchpoint found recorded when its signal is decided again (by a redelivery or a duplicate): publishes what it
    /// left pending, unless a dispatcher is sending it, and announces its creation again unless that was among them, since
    /// the worker that recorded it may have died before publishing (the same id, so a copy is recognised). The creation
    /// event is published without a write.
    /// </summary>
    /// <exception cref="InvalidOperationException">The creation event could not be published: the signal is retried, and with it this.</exception>
    private async Task AnnounceRecordedAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(tenant, id, cancellationToken) is not { } existing)
        {
            return;
        }

        var pending = TouchpointOutbox.Pending(existing);
        if (!IsLeased(existing))
        {
            await PublishAsync(existing, pending);
        }

        if (TouchpointOutbox.Recorded(existing) is [var created, ..] && !pending.Any(p => p.Type == created.Type))
        {
            using var finish = new CancellationTokenSource(FinishWithin);
            if (!await TryPublishAsync(existing, [created], finish.Token))
            {
                throw new InvalidOperationException($"The creation event of touchpoint {id} could not be published again; the signal is retried.");
            }
        }
    }

    /// <summary>Publishes what an earlier writer of this touchpoint left pending, unless a dispatcher is sending it.</summary>
    public async Task PublishLeftPendingAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        if (await GetAsync(tenant, id, cancellationToken) is { } existing && !IsLeased(existing))
        {
            await PublishAsync(existing, TouchpointOutbox.Pending(existing));
        }
    }

    /// <summary>Records the touchpoint with its event pending, for a caller that cannot wait for a broker (the webhook).</summary>
    public Task<Touchpoint?> TryAddWithoutPublishingAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return base.TryAddAsync(TouchpointOutbox.Record(touchpoint, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Writes the touchpoint and publishes the event this write recorded; events pending from before are the sweep's.</summary>
    public override async Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var before = TouchpointOutbox.Pending(touchpoint).Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
        var recorded = TouchpointOutbox.Record(touchpoint, time.GetUtcNow());
        var stored = await base.TryReplaceAsync(recorded, cancellationToken);
        return stored is null
            ? null
            : await PublishAsync(stored, [.. TouchpointOutbox.Pending(recorded).Where(e => !before.Contains(e.Type))]);
    }

    /// <summary>
    /// Publishes the events of a tenant's touchpoints left pending for at least <see cref="SweepAfter"/>, oldest first, at
    /// most <paramref name="limit"/> touchpoints; touchpoints a dispatcher is sending are left to it.
    /// </summary>
    public async Task<int> PublishPendingAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - SweepAfter;
        var due = (await ListWithPendingEventsAsync(tenant, cancellationToken))
            .Where(t => !IsLeased(t))
            .Select(t => (Touchpoint: t, Pending: TouchpointOutbox.Pending(t)))
            .Where(x => x.Pending.Count > 0 && x.Pending[0].At <= cutoff)
            .OrderBy(x => x.Pending[0].At)
            .ThenBy(x => x.Touchpoint.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var published = 0;
        foreach (var (touchpoint, pending) in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            using var finish = new CancellationTokenSource(FinishWithin);
            if (await TryPublishAsync(touchpoint, pending, finish.Token))
            {
                published += pending.Count;
                await ClearAsync(touchpoint, pending, finish.Token);
            }
        }

        return published;
    }

    private bool IsLeased(Touchpoint touchpoint) =>
        touchpoint.Status == TouchpointStatus.Sending && touchpoint.LeaseUntil is { } lease && lease > time.GetUtcNow();

    /// <summary>
    /// Publishes <paramref name="events"/> of the stored touchpoint and clears them. Returns the touchpoint as this writer
    /// stored it, with the version after the clear when the clear was the very next write; otherwise the version of its
    /// own write, so a caller never continues with someone else's version.
    /// </summary>
    private async Task<Touchpoint> PublishAsync(Touchpoint stored, IReadOnlyList<PendingEvent> events)
    {
        // The write is stored: finishing its outbox is bounded by FinishWithin, not by the caller's token.
        if (events.Count == 0)
        {
            return stored;
        }

        using var finish = new CancellationTokenSource(FinishWithin);
        if (!await TryPublishAsync(stored, events, finish.Token))
        {
            return stored;
        }

        return await ClearAsync(stored, events, finish.Token) ?? stored;
    }

    private async Task<bool> TryPublishAsync(Touchpoint touchpoint, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishAsync([.. events.Select(e => TouchpointOutbox.EventOf(touchpoint, e))], cancellationToken);
            return true;
        }
        catch (Exception ex)
        {
            // Still pending in the outbox (also when it timed out): the dispatcher's sweep publishes it later.
            if (ex is TouchpointEventPublishException { IsTransient: false })
            {
                Log.PublishRefused(logger, touchpoint.Id, publisher.Destination, ex.Message);
            }
            else
            {
                Log.PublishFailed(logger, touchpoint.Id, publisher.Destination, ex.Message);
            }

            return false;
        }
    }

    /// <summary>
    /// Takes the published events off the touchpoint's pending list, re-reading when another write came first (only the
    /// outbox columns change). Returns the cleared touchpoint when the first attempt succeeded, else null. A clear that
    /// keeps failing leaves the events pending: the sweep publishes them again under the same ids.
    /// </summary>
    private async Task<Touchpoint?> ClearAsync(Touchpoint stored, IReadOnlyList<PendingEvent> published, CancellationToken cancellationToken)
    {
        var current = stored;
        for (var attempt = 0; attempt < ClearAttempts; attempt++)
        {
            try
            {
                if (await base.TryReplaceAsync(TouchpointOutbox.Published(current, published), cancellationToken) is { } cleared)
                {
                    return attempt == 0 ? cleared : null;
                }

                if (await GetAsync(stored.Tenant, stored.Id, cancellationToken) is not { } reread || !TouchpointOutbox.Pending(reread).Any(p => published.Contains(p)))
                {
                    return null;
                }

                current = reread;
            }
            catch (Exception ex)
            {
                Log.ClearFailed(logger, stored.Id, ex.Message);
                return null;
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3701, Level = LogLevel.Warning, Message = "Events of touchpoint {TouchpointId} stay in its outbox; publishing to {Destination} failed and is retried: {Reason}")]
        public static partial void PublishFailed(ILogger logger, string touchpointId, string destination, string reason);

        [LoggerMessage(EventId = 3702, Level = LogLevel.Error, Message = "Events of touchpoint {TouchpointId} stay in its outbox; {Destination} refused them, and retrying will not help until this is fixed: {Reason}")]
        public static partial void PublishRefused(ILogger logger, string touchpointId, string destination, string reason);

        [LoggerMessage(EventId = 3703, Level = LogLevel.Warning, Message = "Published events of touchpoint {TouchpointId} could not be cleared from its outbox; the sweep publishes them again under the same ids: {Reason}")]
        public static partial void ClearFailed(ILogger logger, string touchpointId, string reason);
    }
}
