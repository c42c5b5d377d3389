using Triggers.Core.Contacts;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>
/// Reads what the guardrails decide on for one touchpoint: the contact's state and the touches counted in its day and
/// week. At planning, the contact's other touches still planned count too (on the day they are due); at dispatch only
/// the ledger does, which holds what went out.
/// </summary>
public sealed class GuardrailFacts(IContactStateStore contacts, ISendLedger ledger, ITouchpointStore touchpoints)
{
    /// <param name="known">The contact's state when the caller holds it already (the pipeline, for the signal's own contact): not read again.</param>
    public async Task<GuardrailContext> LoadAsync(
        Touchpoint touchpoint, string platform, GuardrailOptions policy, GuardrailStage stage, DateTimeOffset now, CancellationToken cancellationToken,
        ContactState? known = null)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);
        var state = known is not null && known.Tenant == touchpoint.Tenant && known.Channel == touchpoint.Channel && known.Contact == touchpoint.Contact
            ? known
            : await contacts.GetAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, cancellationToken);
        var context = new GuardrailContext { Now = now, Contact = state, Policy = PlatformPolicies.For(platform), Stage = stage };
        return await WithCountsAsync(context, touchpoint, policy, cancellationToken);
    }

    /// <summary>The context with the touches counted now in the contact's day and week (the contact's state is kept).</summary>
    public async Task<GuardrailContext> WithCountsAsync(GuardrailContext context, Touchpoint touchpoint, GuardrailOptions policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);

        // Caps count the day and week the touch would go out in: the due time when planning, now when dispatching.
        var at = context.Stage == GuardrailStage.Planning && touchpoint.DueAt > context.Now ? touchpoint.DueAt : context.Now;
        var day = TenantCalendar.LocalDay(at, policy.TimeZone);
        var (monday, sunday) = TenantCalendar.WeekOf(at, policy.TimeZone);
        var tally = await ledger.TallyAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day, monday, sunday, cancellationToken);
        (int Total, int Automated) today = (tally.DayTotal, tally.DayAutomated), week = (tally.WeekTotal, tally.WeekAutomated);
        if (context.Stage == GuardrailStage.Planning && GuardrailEvaluator.CountsAgainstCaps(touchpoint.Type))
        {
            var (plannedToday, plannedWeek) = await PlannedAsync(touchpoint, policy, day, monday, sunday, cancellationToken);
            today = (today.Total + plannedToday, today.Automated + plannedToday);
            week = (week.Total + plannedWeek, week.Automated + plannedWeek);
        }

        return context with { DayTotal = today.Total, DayAutomated = today.Automated, WeekTotal = week.Total, WeekAutomated = week.Automated };
    }

    /// <summary>
    /// The contact's other capped touches still planned on the channel, by the local day they are next due (a retried
    /// one: its wake time), never before they were planned.
    /// </summary>
    private async Task<(int Day, int Week)> PlannedAsync(
        Touchpoint touchpoint, GuardrailOptions policy, DateOnly day, DateOnly monday, DateOnly sunday, CancellationToken cancellationToken)
    {
        var (inDay, inWeek) = (0, 0);
        foreach (var pending in await touchpoints.ListPendingForContactAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, cancellationToken))
        {
            if (string.Equals(pending.Id, touchpoint.Id, StringComparison.Ordinal) || !GuardrailEvaluator.CountsAgainstCaps(pending.Type))
            {
                continue;
            }

            var due = TenantCalendar.LocalDay(pending.NextLookAt > pending.PlannedAt ? pending.NextLookAt : pending.PlannedAt, policy.TimeZone);
            inDay += due == day ? 1 : 0;
            inWeek += due >= monday && due <= sunday ? 1 : 0;
        }

        return (inDay, inWeek);
    }
}
