using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>Reads what the guardrails decide on for one touchpoint: the contact's state and the touches counted in its day and week.</summary>
public static class GuardrailFacts
{
    public static async Task<GuardrailContext> LoadAsync(
        Touchpoint touchpoint,
        string platform,
        GuardrailOptions policy,
        IContactStateStore contacts,
        ISendLedger ledger,
        GuardrailStage stage,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);
        var state = await contacts.GetAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, cancellationToken);
        var context = new GuardrailContext { Now = now, Contact = state, Policy = PlatformPolicies.For(platform), Stage = stage };
        return await WithCountsAsync(context, touchpoint, policy, ledger, cancellationToken);
    }

    /// <summary>The context with the touches counted now in the contact's day and week (the contact's state is kept).</summary>
    public static async Task<GuardrailContext> WithCountsAsync(
        GuardrailContext context, Touchpoint touchpoint, GuardrailOptions policy, ISendLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(policy);

        // Caps count the day and week the touch would go out in: the due time when planning, now when dispatching.
        var at = context.Stage == GuardrailStage.Planning && touchpoint.DueAt > context.Now ? touchpoint.DueAt : context.Now;
        var day = TenantCalendar.LocalDay(at, policy.TimeZone);
        var (monday, sunday) = TenantCalendar.WeekOf(at, policy.TimeZone);
        var today = await ledger.CountAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, day, day, cancellationToken);
        var week = await ledger.CountAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, monday, sunday, cancellationToken);
        return context with { DayTotal = today.Total, DayAutomated = today.Automated, WeekTotal = week.Total, WeekAutomated = week.Automated };
    }
}
