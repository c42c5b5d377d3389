using Triggers.Core.Touchpoints;

namespace Triggers.Core.Processing;

public interface ITouchpointStore
{
    /// <summary>Records a planned touchpoint; returns false when one with the same id already exists.</summary>
    Task<bool> AddIfAbsentAsync(Touchpoint touchpoint, CancellationToken cancellationToken);

    /// <summary>The touchpoint with this id, or null.</summary>
    Task<Touchpoint?> GetAsync(string tenant, string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Touchpoint>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken);
}
