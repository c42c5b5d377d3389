using System.Globalization;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Touchpoints in memory, insert-if-absent and version-guarded like the table; nothing is ever dispatched.</summary>
internal sealed class MemoryTouchpoints : ITouchpointStore
{
    private readonly Dictionary<string, Touchpoint> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (_items.ContainsKey(touchpoint.Id))
        {
            return Task.FromResult<Touchpoint?>(null);
        }

        var added = touchpoint with { Version = NextVersion() };
        _items[touchpoint.Id] = added;
        return Task.FromResult<Touchpoint?>(added);
    }

    public Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_items.GetValueOrDefault(id) is { } t && t.Tenant == tenant ? t : null);

    public Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken) =>
        List(t => t.Tenant == tenant && (status is null || t.Status == status), limit);

    public Task<IReadOnlyList<Touchpoint>> ListDueAsync(string tenant, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        List(t => t.Tenant == tenant && t.Status == TouchpointStatus.Planned && t.NextLookAt <= now, limit);

    public Task<IReadOnlyList<Touchpoint>> ListPendingForContactAsync(string tenant, string channel, string contact, CancellationToken cancellationToken) =>
        List(t => t.Tenant == tenant && t.Status == TouchpointStatus.Planned && t.Channel == channel && t.Contact == contact, int.MaxValue);

    public Task<IReadOnlyList<Touchpoint>> ListWithPendingEventsAsync(string tenant, CancellationToken cancellationToken) =>
        List(t => t.Tenant == tenant && t.PendingEvents is { Length: > 0 }, int.MaxValue);

    public Task<Touchpoint?> TryReplaceAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (!_items.TryGetValue(touchpoint.Id, out var stored) || stored.Version != touchpoint.Version)
        {
            return Task.FromResult<Touchpoint?>(null);
        }

        var written = touchpoint with { Version = NextVersion() };
        _items[touchpoint.Id] = written;
        return Task.FromResult<Touchpoint?>(written);
    }

    private Task<IReadOnlyList<Touchpoint>> List(Func<Touchpoint, bool> filter, int limit) =>
        Task.FromResult<IReadOnlyList<Touchpoint>>([.. _items.Values.Where(filter).OrderBy(t => t.NextLookAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(limit)]);

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
