using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Contacts;

/// <summary>
/// The contact's capped touchpoints still planned on a channel, which the caps count at planning. The pipeline keeps them
/// in the contact's state (<see cref="ContactState.Planned"/>), written with the state it reads anyway, so planning needs
/// no query over the tenant's touchpoints. An entry that was due already is checked with a point read, because the
/// dispatcher may have sent it (then the ledger counts it), deferred or stopped it without the state being told. Before
/// it is due, only human precedence and rule retirement change a planned touchpoint, and both update the entries
/// (<see cref="ContactObserver.UpdatePlannedAsync"/>); a path that cancels or postpones planned touchpoints must too.
/// </summary>
public sealed class PlannedTouches(ITouchpointStore touchpoints)
{
    /// <summary>
    /// How long an entry whose touchpoint is not stored is still counted: the state is written before the touchpoints, so
    /// an entry may be a touchpoint another worker is about to store, or one whose signal is being retried after a crash.
    /// </summary>
    public static readonly TimeSpan NotStoredGrace = TimeSpan.FromHours(1);

    /// <summary>Entries kept at most (the soonest by <see cref="PlannedTouch.CountsAt"/>); the caps stop planning long before.</summary>
    public const int MaxEntries = 100;

    /// <summary>The planned capped touches as they stand now, read from the state's index (or, for a state stored before the index existed, from the touchpoints).</summary>
    public async Task<List<PlannedTouch>> LoadAsync(ContactState? state, string tenant, string channel, string contact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state is null)
        {
            return [];
        }

        if (state.Planned is null)
        {
            var pending = await touchpoints.ListPendingForContactAsync(tenant, channel, contact, cancellationToken);
            return [.. pending.Where(t => GuardrailEvaluator.CountsAgainstCaps(t.Type)).Select(PlannedTouch.Of)];
        }

        var due = state.Planned.Where(p => p.CountsAt <= now).ToList();
        var checkedEntries = await Task.WhenAll(due.Select(async entry => (Entry: entry, Stored: await touchpoints.GetAsync(tenant, entry.Id, cancellationToken))));
        return
        [
            .. state.Planned.Where(p => p.CountsAt > now),
            .. checkedEntries
                .Select(c => c.Stored switch
                {
                    null => now - c.Entry.PlannedAt < NotStoredGrace ? c.Entry : null,
                    { Status: TouchpointStatus.Planned } stored => PlannedTouch.Of(stored),
                    _ => null,
                })
                .OfType<PlannedTouch>(),
        ];
    }

    /// <summary>
    /// Adds, updates or removes the entry of a touchpoint just judged or changed: kept when it is planned and counts against
    /// the caps, removed otherwise; keeps the soonest <see cref="MaxEntries"/>.
    /// </summary>
    public static void Add(List<PlannedTouch> planned, Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(touchpoint);
        planned.RemoveAll(p => string.Equals(p.Id, touchpoint.Id, StringComparison.Ordinal));
        if (touchpoint.Status == TouchpointStatus.Planned && GuardrailEvaluator.CountsAgainstCaps(touchpoint.Type))
        {
            planned.Add(PlannedTouch.Of(touchpoint));
        }

        if (planned.Count > MaxEntries)
        {
            // The soonest count against the caps now; the furthest are checked again when they come due.
            planned.Sort((a, b) => a.CountsAt.CompareTo(b.CountsAt));
            planned.RemoveRange(MaxEntries, planned.Count - MaxEntries);
        }
    }
}
