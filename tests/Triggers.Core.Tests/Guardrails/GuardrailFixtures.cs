using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Tests.Guardrails;

internal static class GuardrailFixtures
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A Shanghai wall time in November 2026 (the 2nd is a Monday).</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Shanghai);

    public static Touchpoint Touchpoint(
        DateTimeOffset due, string type = "message", DateTimeOffset? plannedAt = null, string id = "tp-0123456789abcdef0123456789abcd") => new()
    {
        Id = id,
        Tenant = "default",
        RuleId = "refund-care",
        RuleVersion = "3",
        SignalId = "sig-1",
        ActionIndex = 0,
        Type = type,
        Channel = "wechat-main",
        Contact = "o-actor-1",
        Status = TouchpointStatus.Planned,
        DueAt = due,
        WakeAt = due,
        PlannedAt = plannedAt ?? due.AddHours(-1),
        Why = "Rule \"refund-care\" (version 3) matched.",
        Platform = "wechat",
    };

    /// <summary>A touchpoint id as the planner makes them (32 hex), one per number.</summary>
    public static string Id(int n) => TouchpointIds.Create("default", "refund-care", $"sig-{n}", 0);

    public static ContactState Contact(DateTimeOffset? lastInbound = null, DateTimeOffset? lastAgent = null, bool optedOut = false, string? source = null) => new()
    {
        Tenant = "default",
        Channel = "wechat-main",
        Contact = "o-actor-1",
        LastInboundAt = lastInbound,
        LastAgentAt = lastAgent,
        OptedOut = optedOut,
        ConsentSource = source,
    };

    public static GuardrailContext Context(
        DateTimeOffset now, ContactState? contact = null, string platform = "wechat", GuardrailStage stage = GuardrailStage.Planning) => new()
    {
        Now = now,
        Contact = contact ?? Contact(lastInbound: now.AddHours(-1)),
        Policy = PlatformPolicies.For(platform),
        Stage = stage,
    };

    public static GuardrailDecision Evaluate(Touchpoint touchpoint, GuardrailContext context, GuardrailOptions? options = null) =>
        GuardrailEvaluator.Evaluate(touchpoint, context, options ?? new GuardrailOptions());
}
