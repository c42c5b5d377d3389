using System.Globalization;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>
/// Decides whether a touchpoint may go out, in a fixed order where the first guardrail that objects wins:
/// human precedence, consent, platform policy, promotion conflict, frequency cap, quiet hours. Only contact-facing types (message,
/// invite, coupon) face consent, caps, windows and quiet hours; a platform's banned uses block any type.
/// </summary>
/// <remarks>
/// The instant judged is the touch's due time when planning (now, if that has passed) and now when dispatching: the
/// dispatcher sends at once. Caps count what the context holds, which leaves out the touch being judged (unless
/// <see cref="GuardrailContext.CountsIncludeThisTouch"/>), so "automated count ≥ budget" blocks the budget+1-th touch at
/// either stage. Planning also counts the contact's touches still planned to go out (on the day they are due), so a burst
/// of signals is capped as it is planned; dispatch counts what went out, and is the check that holds.
/// </remarks>
public static class GuardrailEvaluator
{
    /// <summary>Whether the type is counted against, and held back by, frequency caps (and quiet hours, consent, windows).</summary>
    public static bool CountsAgainstCaps(string type) => ActionTypes.ReachesContact(type);

    /// <summary>The order the checks run in; the first that objects decides.</summary>
    public static IReadOnlyList<GuardrailCheck> DefaultOrder { get; } =
    [
        GuardrailCheck.HumanPrecedence, GuardrailCheck.Consent, GuardrailCheck.BannedUse,
        GuardrailCheck.ContactWindow, GuardrailCheck.PromotionConflict, GuardrailCheck.FrequencyCap, GuardrailCheck.QuietHours,
    ];

    /// <param name="order">The checks in the order they run; <see cref="DefaultOrder"/> when null. Only tests pass another.</param>
    public static GuardrailDecision Evaluate(Touchpoint touchpoint, GuardrailContext context, GuardrailOptions options, IReadOnlyList<GuardrailCheck>? order = null)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var zone = options.ResolveTimeZone();
        var at = context.Stage == GuardrailStage.Planning && touchpoint.DueAt > context.Now ? touchpoint.DueAt : context.Now;
        var facesContact = ActionTypes.ReachesContact(touchpoint.Type);
        foreach (var check in order ?? DefaultOrder)
        {
            var decision = check switch
            {
                GuardrailCheck.BannedUse => Banned(touchpoint, context.Policy),
                _ when !facesContact => null,
                GuardrailCheck.HumanPrecedence => Precedence(touchpoint, context, options, at, zone),
                GuardrailCheck.Consent => Consent(context, zone),
                GuardrailCheck.ContactWindow => Window(touchpoint.Type, context, at, zone),
                GuardrailCheck.PromotionConflict => Promotions(touchpoint, context, options, at, zone),
                GuardrailCheck.FrequencyCap => Caps(context, options),
                GuardrailCheck.QuietHours => Quiet(touchpoint, context, options, at, zone),
                _ => throw new ArgumentOutOfRangeException(nameof(order), check, "unknown guardrail check"),
            };
            if (decision is not null)
            {
                return decision;
            }
        }

        return new GuardrailDecision.Allow();
    }

    private static GuardrailDecision? Precedence(Touchpoint touchpoint, GuardrailContext context, GuardrailOptions options, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (context.Contact?.LastAgentAt is not { } agentAt || agentAt <= touchpoint.PlannedAt)
        {
            return null;
        }

        if (options.HumanPrecedence == HumanPrecedenceMode.Cancel)
        {
            return new GuardrailDecision.Cancel(HumanPrecedence.CancelReason(agentAt, zone));
        }

        // Postponed: once PostponeBy has passed since the person wrote, the touch goes on to the other guardrails.
        var until = agentAt + options.PostponeBy;
        return until > at
            ? new GuardrailDecision.Defer(until, GuardrailNames.HumanPrecedence, HumanPrecedence.PostponeReason(agentAt, until, zone))
            : null;
    }

    private static GuardrailDecision.Block? Consent(GuardrailContext context, TimeZoneInfo zone)
    {
        // Most restrictive wins across one person's accounts: an opt-out on any of them stops automation on all.
        if ((context.Contact is { OptedOut: true } ? context.Contact : context.Others.FirstOrDefault(o => o.OptedOut)) is not { } contact)
        {
            return null;
        }

        var since = contact.ConsentChangedAt is { } changed ? $" at {TenantCalendar.Describe(changed, zone)}" : string.Empty;
        var who = ReferenceEquals(contact, context.Contact) ? "the contact" : $"the same person ({contact.Contact} on {contact.Channel})";
        return new GuardrailDecision.Block(GuardrailNames.Consent, $"{who} opted out ({contact.ConsentSource ?? "unknown source"}){since}");
    }

    private static GuardrailDecision.Block? Banned(Touchpoint touchpoint, PlatformPolicy policy)
    {
        foreach (var use in touchpoint.UseList)
        {
            if (policy.BanOn(use) is { } ban)
            {
                var basis = ban.Basis == PolicyBasis.PublicRule ? "the platform's rules" : "a default to confirm with the platform";
                return new GuardrailDecision.Block(
                    GuardrailNames.PlatformPolicy, $"{policy.Platform} does not allow {use} ({basis}: {ban.Note})");
            }
        }

        return null;
    }

    private static GuardrailDecision.Block? Window(string type, GuardrailContext context, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (!context.Policy.NeedsWindow(type))
        {
            return null;
        }

        var window = context.Policy.ContactWindow!.Value;
        if (context.Contact?.LastInboundAt is not { } inbound)
        {
            return new GuardrailDecision.Block(
                GuardrailNames.PlatformPolicy,
                $"{context.Policy.Platform} lets a {type} reach a contact only within {Hours(window)} of their last message, and none is on record");
        }

        var closes = inbound + window;
        return at < closes
            ? null
            : new GuardrailDecision.Block(
                GuardrailNames.PlatformPolicy,
                $"{context.Policy.Platform} lets a {type} reach a contact only within {Hours(window)} of their last message " +
                $"({TenantCalendar.Describe(inbound, zone)}); that closed at {TenantCalendar.Describe(closes, zone)}, before {TenantCalendar.Describe(at, zone)}");
    }

    /// <summary>
    /// A coupon waits while another platform's promotion has its exclusive window (to the window's end plus up to the
    /// tenant's quiet-hours slack, seeded by the touchpoint), and is blocked when its depth undercuts a promotion running
    /// on another platform by more than the margin: channel conflict either way.
    /// </summary>
    private static GuardrailDecision? Promotions(Touchpoint touchpoint, GuardrailContext context, GuardrailOptions options, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (touchpoint.Type != ActionTypes.Coupon || context.Promotions.Count == 0)
        {
            return null;
        }

        var platform = context.Policy.Platform;
        var elsewhere = context.Promotions.Where(p => !string.Equals(p.Platform, platform, StringComparison.Ordinal)).ToList();
        var exclusive = elsewhere.Where(p => p.ExclusiveUntil(at) is not null).MaxBy(p => p.ExclusiveUntil(at));
        if (exclusive?.ExclusiveUntil(at) is { } until)
        {
            var due = until + SeededFraction.Scale(SeededFraction.Of(touchpoint.Id, "promotion"), options.QuietHoursSlack);
            return new GuardrailDecision.Defer(
                due, GuardrailNames.PromotionConflict,
                $"{exclusive.Platform}'s promotion {exclusive.Id} has an exclusive window until {TenantCalendar.Describe(until, zone)}: deferred to {TenantCalendar.Describe(due, zone)}");
        }

        if (touchpoint.Depth is { } depth
            && elsewhere.Where(p => p.RunsAt(at) && depth > p.Depth + context.UndercutMargin).MaxBy(p => depth - p.Depth) is { } undercut)
        {
            return new GuardrailDecision.Block(
                GuardrailNames.PromotionConflict,
                $"a coupon of {depth.ToString("P0", CultureInfo.InvariantCulture)} on {platform} would undercut {undercut.Platform}'s running promotion {undercut.Id} " +
                $"({undercut.Depth.ToString("P0", CultureInfo.InvariantCulture)}, until {TenantCalendar.Describe(undercut.End, zone)}) by more than {context.UndercutMargin.ToString("P0", CultureInfo.InvariantCulture)}");
        }

        return null;
    }

    private static GuardrailDecision.Block? Caps(GuardrailContext context, GuardrailOptions options) =>
        FrequencyCap.Check(context, options, context.CountsIncludeThisTouch) is { } detail
            ? new GuardrailDecision.Block(GuardrailNames.FrequencyCap, detail)
            : null;

    private static GuardrailDecision? Quiet(Touchpoint touchpoint, GuardrailContext context, GuardrailOptions options, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (!options.QuietHoursEnabled || QuietHours.EndOf(at, options, zone) is null)
        {
            return null;
        }

        // A deferral must still land inside the platform's contact window, or the platform would refuse it anyway.
        DateTimeOffset? closes = context.Policy.NeedsWindow(touchpoint.Type) && context.Contact?.LastInboundAt is { } inbound
            ? inbound + context.Policy.ContactWindow!.Value
            : null;
        var quiet = $"{options.QuietHoursStart.ToString("HH:mm", CultureInfo.InvariantCulture)}-{options.QuietHoursEnd.ToString("HH:mm", CultureInfo.InvariantCulture)} {options.TimeZone}";
        if (QuietHours.Defer(touchpoint.Id, at, options, zone, closes) is not { } until)
        {
            return new GuardrailDecision.Block(
                GuardrailNames.PlatformPolicy,
                $"{TenantCalendar.Describe(at, zone)} is in quiet hours ({quiet}), and by their end {context.Policy.Platform}'s contact window " +
                $"has closed ({TenantCalendar.Describe(closes!.Value, zone)})");
        }

        return new GuardrailDecision.Defer(
            until, GuardrailNames.QuietHours, $"{TenantCalendar.Describe(at, zone)} is in quiet hours ({quiet}): deferred to {TenantCalendar.Describe(until, zone)}");
    }

    private static string Hours(TimeSpan window) =>
        window.TotalHours % 1 == 0 ? $"{(int)window.TotalHours} h" : window.ToString("c", CultureInfo.InvariantCulture);
}
