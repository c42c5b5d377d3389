using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Tests.Events;

internal static class EventSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    public static Touchpoint Touchpoint(string status = TouchpointStatus.Sent, string type = "coupon", string contact = "o-contact-1") => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Tenant = "brand-a",
        RuleId = "range-anxiety",
        RuleVersion = "4",
        SignalId = "sig-1",
        ActionIndex = 0,
        Type = type,
        Channel = "douyin-live",
        Contact = contact,
        Status = status,
        DueAt = T0.AddMinutes(10),
        PlannedAt = T0,
        Why = "Rule \"range-anxiety\" (version 4) matched: negative on range.",
        Platform = "douyin",
        Template = "test-drive",
        Guardrail = status == TouchpointStatus.Blocked ? GuardrailNames.Consent : null,
        StatusReason = status == TouchpointStatus.Blocked ? "the contact opted out" : null,
        SentAt = status == TouchpointStatus.Sent ? T0.AddMinutes(11) : null,
        ProviderMessageId = status == TouchpointStatus.Sent ? "msg-77" : null,
    };

    public static TouchpointEvent Event(string type, Touchpoint? touchpoint = null) =>
        TouchpointEvent.From(touchpoint ?? Touchpoint(), type, T0.AddMinutes(11));
}
