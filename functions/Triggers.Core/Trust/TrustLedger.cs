namespace Triggers.Core.Trust;

/// <summary>
/// Adds points to an account's trust once per entry id: the entry and the state it leaves are written together, guarded
/// by the state read, so a redelivered signal or a retried contribution changes nothing the second time.
/// </summary>
public sealed class TrustLedger(ITrustStore store, TimeProvider time)
{
    private const int Attempts = 32;

    /// <summary>
    /// Applies the points under <paramref name="entryId"/> unless applied already; with no points, only starts the account's
    /// tenure when it has no state yet. Returns the state as it stands.
    /// </summary>
    public async Task<TrustState> ApplyAsync(
        string tenant, string account, string entryId, IReadOnlyDictionary<string, double> points, string reason, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            var current = await store.GetAsync(tenant, account, cancellationToken);
            if ((current is not null && points.Count == 0) || (current is not null && await store.HasEntryAsync(tenant, account, entryId, cancellationToken)))
            {
                return current;
            }

            var state = current ?? TrustState.New(tenant, account, now);
            var decayed = new Dictionary<string, double>(state.DecayedTo(now, halfLife), StringComparer.Ordinal);
            foreach (var (component, value) in points)
            {
                decayed[component] = decayed.GetValueOrDefault(component) + value;
            }

            var next = state with { Points = decayed, UpdatedAt = now };
            if (await store.TryApplyAsync(new TrustEntry(entryId, points, reason, now), next, cancellationToken))
            {
                return next;
            }
        }

        throw new InvalidOperationException($"the trust of {account} kept changing during {Attempts} attempts to apply {entryId}; try again");
    }
}
