namespace Triggers.Core.Guardrails;

/// <summary>When the guardrails are asked: as a touchpoint is planned (judged at its due time), or as it is sent (judged now).</summary>
public enum GuardrailStage
{
    Planning,
    Dispatch,
}
