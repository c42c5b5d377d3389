using Triggers.Core.Touchpoints;

namespace Triggers.Core.Processing;

/// <summary>A touchpoint store that passes every call to <paramref name="inner"/>; a decorator overrides what it adds to.</summary>
public abstract class DelegatingTouchpointStore(ITouchpointStore inner) : ITouchpointStore
{
    public virtual Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken) => inner.TryAddAsync(touchpoint, cancellationToken);

    public virtual Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken) => inner.TryReplaceAsync(touchpoint, cancellationToken);

    public Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken) => inner.GetAsync(tenant, id, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(tenant, status, limit, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.ListDueAsync(tenant, now, limit, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
        inner.ListPendingForContactAsync(tenant, channel, contact, cancellationToken);

    public Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken) =>
        inner.ListWithPendingEventsAsync(tenant, cancellationToken);
}
