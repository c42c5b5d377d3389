using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>What the guardrails say about a touchpoint: one of <see cref="Allow"/>, <see cref="Defer"/>, <see cref="Block"/>, <see cref="Cancel"/>.</summary>
public abstract record GuardrailDecision
{
    private GuardrailDecision()
    {
    }

    /// <summary>
    /// The touchpoint as the decision leaves it: unchanged when allowed; planned with the later due and wake time when
    /// deferred; blocked or cancelled otherwise, with the guardrail's name and explanation.
    /// </summary>
    public Touchpoint ApplyTo(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return this switch
        {
            Defer defer => touchpoint with { Status = TouchpointStatus.Planned, DueAt = defer.Until, WakeAt = defer.Until, Guardrail = defer.Guardrail, StatusReason = defer.Detail },
            Block block => touchpoint with { Status = TouchpointStatus.Blocked, Guardrail = block.Guardrail, StatusReason = block.Detail },
            Cancel cancel => touchpoint with { Status = TouchpointStatus.Cancelled, Guardrail = cancel.Guardrail, StatusReason = cancel.Reason },
            _ => touchpoint,
        };
    }

    /// <summary>Send it (at its due time when planning, now when dispatching).</summary>
    public sealed record Allow : GuardrailDecision;

    /// <summary>Not yet: move its due and wake time to <paramref name="Until"/> and keep it planned.</summary>
    public sealed record Defer(DateTimeOffset Until, string Guardrail, string Detail) : GuardrailDecision;

    /// <summary>Never: it becomes blocked with the guardrail's name (<see cref="GuardrailNames"/>) and detail.</summary>
    public sealed record Block(string Guardrail, string Detail) : GuardrailDecision;

    /// <summary>A person has taken over: it becomes cancelled (guardrail <see cref="GuardrailNames.HumanPrecedence"/>).</summary>
    public sealed record Cancel(string Reason) : GuardrailDecision
    {
        public string Guardrail => GuardrailNames.HumanPrecedence;
    }
}
