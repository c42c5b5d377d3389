using Triggers.Core.Rules;

namespace Triggers.Core.Processing;

/// <summary>The last firing of each rule for each contact (table <c>Cooldowns</c>).</summary>
public interface ICooldownStore
{
    Task<CooldownRecord?> GetAsync(string tenant, string ruleId, string contact, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="entry"/> if the stored entry is still at <paramref name="expectedVersion"/>
    /// (null: if there is none yet). Returns false when someone else wrote first.
    /// </summary>
    Task<bool> TryWriteAsync(string tenant, string ruleId, string contact, CooldownEntry entry, string? expectedVersion, CancellationToken cancellationToken);
}
