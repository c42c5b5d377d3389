using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Contacts;

/// <summary>
/// What each signal changes about its contact before rules run: the last inbound message (WeChat's 48-hour window),
/// consent (unfollow, opt-out keywords, coming back), and, for an <c>agent_message</c>, human precedence: pending
/// automated touchpoints for that contact on that channel give way to the person.
/// </summary>
public sealed class ContactObserver(IContactStateStore contacts, ITouchpointStore touchpoints, ISendLedger ledger)
{
    private const int WriteAttempts = 5;

    public async Task<ContactObservation> ObserveAsync(Signal signal, GuardrailOptions policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(policy);
        var change = await ChangeAsync(signal.Tenant, signal.Channel, signal.Actor.Id, current => ConsentRules.Apply(current, signal, policy, now), cancellationToken)
            ?? throw new InvalidOperationException(
                $"Contact {signal.Actor.Id} on {signal.Channel} changed {WriteAttempts} times while signal {signal.Id} was applied; the signal will be retried.");
        IReadOnlyList<Touchpoint> gaveWay = [];
        if (string.Equals(signal.Kind, SignalKinds.AgentMessage, StringComparison.Ordinal))
        {
            // People's touches count against the caps too; automation only gets its share.
            var day = TenantCalendar.LocalDay(signal.OccurredAt, policy.TimeZone);
            await ledger.RecordAsync(signal.Tenant, signal.Channel, signal.Actor.Id, day, signal.Id, automated: false, cancellationToken);
            gaveWay = await GiveWayAsync(signal.Tenant, signal.Channel, signal.Actor.Id, signal.OccurredAt, policy, cancellationToken);
        }

        return new ContactObservation(change.State, change.ConsentChanged, gaveWay);
    }

    /// <summary>A person took the contact over (wrote to them, or claimed their hand-off): pending automation gives way.</summary>
    /// <returns>The touchpoints this call changed, as now stored.</returns>
    public async Task<IReadOnlyList<Touchpoint>> GiveWayAsync(
        string tenant, string channel, string contact, DateTimeOffset personAt, GuardrailOptions policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var changed = new List<Touchpoint>();
        foreach (var pending in await touchpoints.ListPendingForContactAsync(tenant, channel, contact, cancellationToken))
        {
            var next = HumanPrecedence.Apply(pending, personAt, policy);
            if (next == pending)
            {
                continue;
            }

            // Losing the race means a dispatcher claimed it; the dispatch-time check sees LastAgentAt and gives way there.
            if (await touchpoints.TryReplaceAsync(next, cancellationToken) is { } written)
            {
                changed.Add(written);
            }
        }

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
