using Triggers.Core.Touchpoints;

namespace Triggers.Core.Processing;

public interface ITouchpointStore
{
    /// <summary>Records a new touchpoint; returns it with its <see cref="Touchpoint.Version"/>, or null when one with the same id already exists.</summary>
    Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken);

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

    /// <summary>The tenant's touchpoints whose outbox holds events not yet published (see <see cref="TouchpointOutbox"/>).</summary>
    Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored touchpoint if it has not changed since it was read (its <see cref="Touchpoint.Version"/>);
    /// returns the touchpoint with its new version, or null when someone else changed it first.
    /// </summary>
    Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken);
}
