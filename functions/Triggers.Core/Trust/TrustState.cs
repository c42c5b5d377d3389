namespace Triggers.Core.Trust;

/// <summary>
/// What one account has earned towards trust, as stored: points per earned component, decayed to <see cref="UpdatedAt"/>,
/// and when it was first scored (tenure). A person's trust combines the states of all its accounts, so unlinking gives
/// each account back its own.
/// </summary>
public sealed record TrustState(string Tenant, string Account, IReadOnlyDictionary<string, double> Points, DateTimeOffset UpdatedAt, DateTimeOffset FirstSeen, string? Version)
{
    public static TrustState New(string tenant, string account, DateTimeOffset now) =>
        new(tenant, account, new Dictionary<string, double>(StringComparer.Ordinal), now, now, null);

    /// <summary>The points as they count at <paramref name="at"/>: each halves every <paramref name="halfLife"/>.</summary>
    public IReadOnlyDictionary<string, double> DecayedTo(DateTimeOffset at, TimeSpan halfLife)
    {
        var factor = at <= UpdatedAt ? 1 : Math.Pow(0.5, (at - UpdatedAt) / halfLife);
        return Points.ToDictionary(p => p.Key, p => p.Value * factor, StringComparer.Ordinal);
    }
}

/// <summary>One scored signal or contribution, kept under its id (<c>signal:{id}</c>, <c>touchpoint:{id}</c>) so it counts once.</summary>
public sealed record TrustEntry(string Id, IReadOnlyDictionary<string, double> Points, string Reason, DateTimeOffset At);

/// <summary>Where trust states and their entries are kept (table <c>Trust</c>, one partition per account).</summary>
public interface ITrustStore
{
    Task<TrustState?> GetAsync(string tenant, string account, CancellationToken cancellationToken);

    Task<bool> HasEntryAsync(string tenant, string account, string entryId, CancellationToken cancellationToken);

    /// <summary>Adds the entry and writes the state guarded by the version it was read at, both or neither; false when either lost a race.</summary>
    Task<bool> TryApplyAsync(TrustEntry entry, TrustState next, CancellationToken cancellationToken);
}
