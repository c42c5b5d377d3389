using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// What each signal changes about its contact before rules run: the last inbound message (WeChat's 48-hour window),
/// consent (unfollow, opt-out keywords, coming back), and, for an <c>agent_message</c>, human precedence: pending
/// automated touchpoints for that contact on that channel give way to the person.
/// </summary>
public sealed partial class ContactTracking(
    IContactStateStore contacts,
    ITouchpointStore touchpoints,
    ISendLedger ledger,
    GuardrailPolicies guardrails,
    ILogger<ContactTracking> logger)
{
    private const int WriteAttempts = 5;

    public async Task<ContactState?> ObserveAsync(Signal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var policy = guardrails.For(signal.Tenant);
        var state = await UpdateStateAsync(signal, policy, now, cancellationToken);
        if (string.Equals(signal.Kind, SignalKinds.AgentMessage, StringComparison.Ordinal))
        {
            // People's touches count against the caps too; automation only gets its share.
            var day = TenantCalendar.LocalDay(signal.OccurredAt, policy.TimeZone);
            await ledger.RecordAsync(signal.Tenant, signal.Channel, signal.Actor.Id, day, signal.Id, automated: false, cancellationToken);
            await GiveWayAsync(signal.Tenant, signal.Channel, signal.Actor.Id, signal.OccurredAt, policy, cancellationToken);
        }

        return state;
    }

    /// <summary>A person took the contact over (wrote to them, or claimed their hand-off): pending automation gives way.</summary>
    public async Task<int> GiveWayAsync(string tenant, string channel, string contact, DateTimeOffset personAt, GuardrailOptions policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var changed = 0;
        foreach (var pending in await touchpoints.ListPendingForContactAsync(tenant, channel, contact, cancellationToken))
        {
            var next = HumanPrecedence.Apply(pending, personAt, policy);
            if (next == pending)
            {
                continue;
            }

            // Losing the race means a dispatcher claimed it; the dispatch-time check sees LastAgentAt and gives way there.
            if (await touchpoints.TryReplaceAsync(next, cancellationToken) is not null)
            {
                changed++;
                Log.GaveWay(logger, next.Id, contact, next.Status);
            }
        }

        return changed;
    }

    /// <summary>
    /// Reads the contact's state, applies <paramref name="change"/> and writes the result with the state's ETag, reading
    /// again when another writer got there first. Returns the state as it now stands (unchanged states are not written),
    /// or null when it lost the race <see cref="WriteAttempts"/> times.
    /// </summary>
    public async Task<ContactState?> ChangeAsync(
        string tenant, string channel, string contact, Func<ContactState?, ContactState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= WriteAttempts; attempt++)
        {
            var current = await contacts.GetAsync(tenant, channel, contact, cancellationToken);
            var next = change(current);
            if (next == current)
            {
                return current;
            }

            if (await contacts.TryWriteAsync(next, cancellationToken) is { } written)
            {
                if (current?.OptedOut != written.OptedOut)
                {
                    Log.ConsentChanged(logger, contact, channel, written.OptedOut ? "opted out" : "opted in", written.ConsentSource ?? string.Empty);
                }

                return written;
            }
        }

        return null;
    }

    private async Task<ContactState?> UpdateStateAsync(Signal signal, GuardrailOptions policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ChangeAsync(signal.Tenant, signal.Channel, signal.Actor.Id, current => ConsentRules.Apply(current, signal, policy, now), cancellationToken)
        ?? throw new InvalidOperationException(
            $"Contact {signal.Actor.Id} on {signal.Channel} changed {WriteAttempts} times while signal {signal.Id} was applied; the signal will be retried.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Contact {Contact} on {Channel} {Change} ({Source})")]
        public static partial void ConsentChanged(ILogger logger, string contact, string channel, string change, string source);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} for {Contact} gave way to a person: now {Status}")]
        public static partial void GaveWay(ILogger logger, string touchpointId, string contact, string status);
    }
}
