using Triggers.Core.Touchpoints;

namespace Triggers.Core.Guardrails;

/// <summary>What the guardrails say about a touchpoint: one of <see cref="Allow"/>, <see cref="Defer"/>, <see cref="Block"/>, <see cref="Cancel"/>.</summary>
public abstract record GuardrailDecision
{
    private GuardrailDecision()
    {
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
