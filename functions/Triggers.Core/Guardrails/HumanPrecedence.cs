using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>
/// A person on our side wrote to the contact (or claimed their hand-off) after an automated touch was planned: the
/// automation gives way, cancelled or postponed per <see cref="GuardrailOptions.HumanPrecedence"/>.
/// </summary>
public static class HumanPrecedence
{
    /// <summary>
    /// Whether a person writing at <paramref name="agentAt"/> overrides the touchpoint: it is still planned, faces the
    /// contact, and the person wrote after it was planned (an earlier message was known when the rule fired).
    /// </summary>
    public static bool Applies(Touchpoint touchpoint, DateTimeOffset agentAt)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return string.Equals(touchpoint.Status, TouchpointStatus.Planned, StringComparison.Ordinal)
            && ActionTypes.ReachesContact(touchpoint.Type)
            && agentAt > touchpoint.PlannedAt;
    }

    /// <summary>The touchpoint cancelled or pushed back; the same instance when the person's message does not concern it.</summary>
    public static Touchpoint Apply(Touchpoint pending, DateTimeOffset agentAt, GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(options);
        if (!Applies(pending, agentAt))
        {
            return pending;
        }

        var zone = options.ResolveTimeZone();
        if (options.HumanPrecedence == HumanPrecedenceMode.Cancel)
        {
            return pending with
            {
                Status = TouchpointStatus.Cancelled,
                Guardrail = GuardrailNames.HumanPrecedence,
                StatusReason = CancelReason(agentAt, zone),
            };
        }

        var until = agentAt + options.PostponeBy;
        if (until <= pending.DueAt)
        {
            return pending;
        }

        return pending with
        {
            DueAt = until,
            WakeAt = pending.WakeAt is { } wake && wake > until ? wake : until,
            Guardrail = GuardrailNames.HumanPrecedence,
            StatusReason = PostponeReason(agentAt, until, zone),
        };
    }

    public static string CancelReason(DateTimeOffset agentAt, TimeZoneInfo zone) =>
        $"a person wrote to the contact at {TenantCalendar.Describe(agentAt, zone)}, so the automated follow-up gives way";

    public static string PostponeReason(DateTimeOffset agentAt, DateTimeOffset until, TimeZoneInfo zone) =>
        $"a person wrote to the contact at {TenantCalendar.Describe(agentAt, zone)}, so the automated follow-up waits until {TenantCalendar.Describe(until, zone)}";
}
