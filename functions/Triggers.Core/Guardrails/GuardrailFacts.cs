using Triggers.Core.Contacts;
using Triggers.Core.People;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>
/// Reads what the guardrails decide on for one touchpoint: the contact's state and the touches counted in its day and
/// week. At planning, the contact's other touches still planned count too (on the day they are due, from
/// <see cref="PlannedTouches"/>); at dispatch only the ledger does, which holds what went out.
/// </summary>
/// <remarks>
/// With <paramref name="person"/>, a contact linked to other accounts (docs/relationships.md) is judged as one person: an
/// opt-out on any account blocks, and the caps count the touches of every account. The other accounts' planned touches
/// count from their stored index (those not yet due); what went out counts from their ledgers.
/// </remarks>
public sealed class GuardrailFacts(IContactStateStore contacts, ISendLedger ledger, PersonContacts? person = null)
{
    /// <param name="known">The contact's state when the caller holds it already (the pipeline, for the signal's own contact): not read again.</param>
    /// <param name="planned">At planning: the contact's planned capped touches on the touchpoint's channel.</param>
    /// <param name="knownPerson">The signal's person when the caller looked it up already (the pipeline): not read again.</param>
    public async Task<GuardrailContext> LoadAsync(
        Touchpoint touchpoint, string platform, GuardrailOptions policy, GuardrailStage stage, DateTimeOffset now, CancellationToken cancellationToken,
        ContactState? known = null, IReadOnlyList<PlannedTouch>? planned = null, KnownPerson? knownPerson = null)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);
        var state = known is not null && known.Tenant == touchpoint.Tenant && known.Channel == touchpoint.Channel && known.Contact == touchpoint.Contact
            ? known
            : await contacts.GetAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, cancellationToken);
        var self = new AccountRef(platform, touchpoint.Contact);
        var others = person is null ? []
            : knownPerson is not null && knownPerson.Tenant == touchpoint.Tenant && knownPerson.Account == self
                ? knownPerson.Person is { } found ? await person.StatesOfOthersAsync(found, self, cancellationToken) : []
                : await person.OthersAsync(touchpoint.Tenant, platform, touchpoint.Contact, cancellationToken);
        var context = new GuardrailContext { Now = now, Contact = state, Others = others, Policy = PlatformPolicies.For(platform), Stage = stage };
        return await WithCountsAsync(context, touchpoint, policy, cancellationToken, planned);
    }

    /// <summary>The context with the touches counted now in the contact's day and week (the contact's state is kept).</summary>
    /// <param name="planned">At planning: the contact's planned capped touches on the touchpoint's channel.</param>
    /// <exception cref="ArgumentException">At planning, without <paramref name="planned"/>.</exception>
    public async Task<GuardrailContext> WithCountsAsync(
        GuardrailContext context, Touchpoint touchpoint, GuardrailOptions policy, CancellationToken cancellationToken, IReadOnlyList<PlannedTouch>? planned = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);
        if (context.Stage == GuardrailStage.Planning && planned is null)
        {
            throw new ArgumentException("At planning the contact's planned touches are needed; load them with PlannedTouches.", nameof(planned));
        }

        // Caps count the day and week the touch would go out in: the due time when planning, now when dispatching.
        var at = context.Stage == GuardrailStage.Planning && touchpoint.DueAt > context.Now ? touchpoint.DueAt : context.Now;
        var day = TenantCalendar.LocalDay(at, policy.TimeZone);
        var (monday, sunday) = TenantCalendar.WeekOf(at, policy.TimeZone);
        // At planning the ledger is read only if the contact was touched in or after the week counted; dispatch, which
        // enforces the caps, always reads it.
        var tally = context.Stage == GuardrailStage.Planning && context.Contact?.LastTouchedOn is { } last && last < monday
            ? new LedgerTally(0, 0, 0, 0)
            : await ledger.TallyAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day, monday, sunday, cancellationToken);
        (int Total, int Automated) today = (tally.DayTotal, tally.DayAutomated), week = (tally.WeekTotal, tally.WeekAutomated);
        if (context.Stage == GuardrailStage.Planning && GuardrailEvaluator.CountsAgainstCaps(touchpoint.Type))
        {
            var (plannedToday, plannedWeek) = Planned(planned!, touchpoint, policy, day, monday, sunday);
            today = (today.Total + plannedToday, today.Automated + plannedToday);
            week = (week.Total + plannedWeek, week.Automated + plannedWeek);
        }

        // The same person's other accounts: what went out to them, and at planning what is still planned for them.
        foreach (var other in context.Others)
        {
            var theirs = context.Stage == GuardrailStage.Planning && other.LastTouchedOn is { } touched && touched < monday
                ? new LedgerTally(0, 0, 0, 0)
                : await ledger.TallyAsync(other.Tenant, other.Channel, other.Contact, day, monday, sunday, cancellationToken);
            today = (today.Total + theirs.DayTotal, today.Automated + theirs.DayAutomated);
            week = (week.Total + theirs.WeekTotal, week.Automated + theirs.WeekAutomated);
            if (context.Stage == GuardrailStage.Planning && GuardrailEvaluator.CountsAgainstCaps(touchpoint.Type) && other.Planned is { } stillPlanned)
            {
                // Entries already due are left to the ledger: they have gone out, or the dispatcher holds them now.
                var (plannedToday, plannedWeek) = Planned([.. stillPlanned.Where(p => p.CountsAt > context.Now)], touchpoint, policy, day, monday, sunday);
                today = (today.Total + plannedToday, today.Automated + plannedToday);
                week = (week.Total + plannedWeek, week.Automated + plannedWeek);
            }
        }

        return context with { DayTotal = today.Total, DayAutomated = today.Automated, WeekTotal = week.Total, WeekAutomated = week.Automated };
    }

    /// <summary>The contact's other planned capped touches, by the local day they count in.</summary>
    private static (int Day, int Week) Planned(
        IReadOnlyList<PlannedTouch> planned, Touchpoint touchpoint, GuardrailOptions policy, DateOnly day, DateOnly monday, DateOnly sunday)
    {
        var (inDay, inWeek) = (0, 0);
        foreach (var other in planned)
        {
            if (string.Equals(other.Id, touchpoint.Id, StringComparison.Ordinal))
            {
                continue;
            }

            var due = TenantCalendar.LocalDay(other.CountsAt, policy.TimeZone);
            inDay += due == day ? 1 : 0;
            inWeek += due >= monday && due <= sunday ? 1 : 0;
        }

        return (inDay, inWeek);
    }
}
