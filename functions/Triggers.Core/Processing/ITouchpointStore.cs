using Triggers.Core.Touchpoints;

namespace Triggers.Core.Processing;

public interface ITouchpointStore
{
    /// <summary>Records a planned touchpoint; returns false when one with the same id already exists.</summary>
    Task<bool> AddIfAbsentAsync(Touchpoint touchpoint, CancellationToken cancellationToken);

    /// <summary>The touchpoint with this id, or null.</summary>
    Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Touchpoints the dispatcher should look at now: <c>planned</c> ones whose <see cref="Touchpoint.NextLookAt"/> has
    /// come, and <c>sending</c> ones whose lease has expired (their dispatcher died). Oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>The contact's <c>planned</c> touchpoints on the channel (for human precedence).</summary>
    Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken);

    /// <summary>Touchpoints whose outbox holds events not yet published (see <see cref="TouchpointOutbox"/>), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored touchpoint if it has not changed since it was read (its <see cref="Touchpoint.Version"/>);
    /// returns the touchpoint with its new version, or null when someone else changed it first.
    /// </summary>
    Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken);
}
