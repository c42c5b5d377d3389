using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Contacts;

/// <summary>
/// What each signal changes about its contact before rules run: the last inbound message (WeChat's 48-hour window),
/// consent (unfollow, opt-out keywords, coming back), and, for an <c>agent_message</c>, human precedence: pending
/// automated touchpoints for that contact on that channel give way to the person. The touchpoints the signal plans are
/// indexed in the same write (<see cref="ContactState.Planned"/>), so the caps count them without a query.
/// </summary>
public sealed class ContactObserver(IContactStateStore contacts, ITouchpointStore touchpoints, ISendLedger ledger)
{
    private const int WriteAttempts = 5;

    private readonly PlannedTouches _planned = new(touchpoints);

    /// <summary>
    /// Reads the contact's state, applies the signal to it (consent first, so the signal's own opt-out already counts),
    /// lets <paramref name="plan"/> judge the signal's touchpoints against it and add those it plans to the contact's
    /// planned touches, and writes the state with them, conditional on its version. When another writer came first, all of
    /// it runs again on the new state; <paramref name="plan"/> must therefore only decide, not store.
    /// </summary>
    /// <param name="plan">Judges with the observed state and the contact's planned touches (which it adds to).</param>
    public async Task<(ContactObservation Contact, T Plan)> ObserveAsync<T>(
        Signal signal, GuardrailOptions policy, DateTimeOffset now, Func<ContactState, List<PlannedTouch>, CancellationToken, Task<T>> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(plan);
        for (var attempt = 1; attempt <= WriteAttempts; attempt++)
        {
            var current = await contacts.GetAsync(signal.Tenant, signal.Channel, signal.Actor.Id, cancellationToken);
            var observed = Touched(current, ConsentRules.Apply(current, signal, policy, now), signal, policy);
            var planned = await _planned.LoadAsync(current, signal.Tenant, signal.Channel, signal.Actor.Id, now, cancellationToken);
            var result = await plan(observed, planned, cancellationToken);
            var next = observed with { Planned = planned };
            var written = observed == current && current.Planned is { } before && before.SequenceEqual(planned)
                ? current
                : await contacts.TryWriteAsync(next, cancellationToken);
            if (written is null)
            {
                continue;
            }

            IReadOnlyList<Touchpoint> gaveWay = [];
            if (string.Equals(signal.Kind, SignalKinds.AgentMessage, StringComparison.Ordinal))
            {
                // People's touches count against the caps too; automation only gets its share.
                var day = TenantCalendar.LocalDay(signal.OccurredAt, policy.TimeZone);
                await ledger.RecordAsync(signal.Tenant, signal.Channel, signal.Actor.Id, day, signal.Id, automated: false, cancellationToken);
                gaveWay = await GiveWayAsync(signal.Tenant, signal.Channel, signal.Actor.Id, signal.OccurredAt, policy, cancellationToken);
            }

            return (new ContactObservation(written, (current?.OptedOut ?? false) != written.OptedOut, gaveWay), result);
        }

        throw new InvalidOperationException(
            $"Contact {signal.Actor.Id} on {signal.Channel} changed {WriteAttempts} times while signal {signal.Id} was applied; the signal will be retried.");
    }

    /// <summary>
    /// The ledger day of the observed state: a contact seen for the first time has no touches; a person's message is one,
    /// entered in the ledger after this state is written.
    /// </summary>
    private static ContactState Touched(ContactState? current, ContactState observed, Signal signal, GuardrailOptions policy)
    {
        var last = current is null ? DateOnly.MinValue : observed.LastTouchedOn;
        if (string.Equals(signal.Kind, SignalKinds.AgentMessage, StringComparison.Ordinal))
        {
            var day = TenantCalendar.LocalDay(signal.OccurredAt, policy.TimeZone);
            last = last is { } known && known > day ? known : day;
        }

        return observed.LastTouchedOn == last ? observed : observed with { LastTouchedOn = last };
    }

    /// <summary>
    /// Raises the contact's <see cref="ContactState.LastTouchedOn"/> to <paramref name="day"/> before a touch of that day
    /// enters the ledger, so planning knows to read the ledger. Writes only the first time on a day; starts from
    /// <paramref name="known"/> (the state the caller read) when it has one.
    /// </summary>
    public async Task RaiseLastTouchedAsync(ContactState? known, string tenant, string channel, string contact, DateOnly day, CancellationToken cancellationToken)
    {
        if (known?.LastTouchedOn >= day || (known is { Version: not null } && await contacts.TryWriteAsync(known with { LastTouchedOn = day }, cancellationToken) is not null))
        {
            return;
        }

        _ = await ChangeAsync(
                tenant,
                channel,
                contact,
                current => current?.LastTouchedOn >= day ? current : (current ?? new ContactState { Tenant = tenant, Channel = channel, Contact = contact }) with { LastTouchedOn = day },
                cancellationToken)
            ?? throw new InvalidOperationException($"Contact {contact} on {channel} changed {WriteAttempts} times while its last touch was recorded; the touch is tried again.");
    }

    /// <summary>The contact's planned touches on a channel other than the signal's (an action sent elsewhere), as the caps count them.</summary>
    public async Task<List<PlannedTouch>> PlannedAsync(string tenant, string channel, string contact, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _planned.LoadAsync(await contacts.GetAsync(tenant, channel, contact, cancellationToken), tenant, channel, contact, now, cancellationToken);

    /// <summary>
    /// Brings the contact's planned touches up to date with touchpoints just planned or changed on its channel (planned
    /// on a channel other than the signal's; cancelled or postponed by a person or a retired rule). A state without the
    /// index keeps none; one not stored yet is created with them.
    /// </summary>
    public async Task UpdatePlannedAsync(string tenant, string channel, string contact, IReadOnlyList<Touchpoint> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0)
        {
            return;
        }

        _ = await ChangeAsync(
                tenant,
                channel,
                contact,
                current =>
                {
                    var state = current ?? new ContactState { Tenant = tenant, Channel = channel, Contact = contact, Planned = [] };
                    if (state.Planned is null)
                    {
                        return state;
                    }

                    var entries = state.Planned.ToList();
                    foreach (var touchpoint in changed)
                    {
                        PlannedTouches.Add(entries, touchpoint);
                    }

                    return entries.SequenceEqual(state.Planned) ? state : state with { Planned = entries };
                },
                cancellationToken)
            ?? throw new InvalidOperationException($"Contact {contact} on {channel} changed {WriteAttempts} times while its planned touches were updated; try again.");
    }

    /// <summary>A person took the contact over (wrote to them, or claimed their hand-off): pending automation gives way.</summary>
    /// <returns>The touchpoints this call changed, as now stored.</returns>
    public async Task<IReadOnlyList<Touchpoint>> GiveWayAsync(
        string tenant, string channel, string contact, DateTimeOffset personAt, GuardrailOptions policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var changed = new List<Touchpoint>();
        var standing = new List<Touchpoint>();
        foreach (var pending in await touchpoints.ListPendingForContactAsync(tenant, channel, contact, cancellationToken))
        {
            var next = HumanPrecedence.Apply(pending, personAt, policy);
            if (next == pending)
            {
                standing.Add(pending);
                continue;
            }

            // Losing the race means a dispatcher claimed it; the dispatch-time check sees LastAgentAt and gives way there.
            if (await touchpoints.TryReplaceAsync(next, cancellationToken) is { } written)
            {
                changed.Add(written);
                standing.Add(written);
            }
        }

        // Cancelled or postponed before they were due: the caps must stop counting them where they were. All the
        // contact's pending ones, not only those changed now, so a give-way that died before this still gets it right.
        await UpdatePlannedAsync(tenant, channel, contact, [.. changed.Where(t => t.Status != TouchpointStatus.Planned), .. standing], cancellationToken);
        return changed;
    }

    /// <summary>
    /// Reads the contact's state, applies <paramref name="change"/> and writes the result with the state's ETag, reading
    /// again when another writer got there first. Returns the state as it now stands (unchanged states are not written)
    /// and whether consent changed, or null when it lost the race <see cref="WriteAttempts"/> times.
    /// </summary>
    public async Task<(ContactState State, bool ConsentChanged)?> ChangeAsync(
        string tenant, string channel, string contact, Func<ContactState?, ContactState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= WriteAttempts; attempt++)
        {
            var current = await contacts.GetAsync(tenant, channel, contact, cancellationToken);
            var next = change(current);
            if (next == current)
            {
                return (current, false);
            }

            if (await contacts.TryWriteAsync(next, cancellationToken) is { } written)
            {
                return (written, (current?.OptedOut ?? false) != written.OptedOut);
            }
        }

        return null;
    }
}
