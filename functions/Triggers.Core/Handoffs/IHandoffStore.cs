namespace Triggers.Core.Handoffs;

public interface IHandoffStore
{
    /// <summary>Records a new hand-off; false when one with the same id exists.</summary>
    Task<bool> AddIfAbsentAsync(Handoff handoff, CancellationToken cancellationToken);

    Task<Handoff?> GetAsync(string tenant, string id, CancellationToken cancellationToken);

    /// <summary>The tenant's hand-offs, optionally of one status, most urgent first (then longest waiting).</summary>
    Task<IReadOnlyList<Handoff>> ListAsync(string tenant, string? status, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces it if unchanged since read; the new state with its version, or null when it lost the race.</summary>
    Task<Handoff?> TryReplaceAsync(Handoff handoff, CancellationToken cancellationToken);
}
