namespace Triggers.Core.Guardrails;

/// <summary>What a pending automated touch does when a person on our side writes to the contact after it was planned.</summary>
public enum HumanPrecedenceMode
{
    /// <summary>It is cancelled: the person has taken the conversation over.</summary>
    Cancel,

    /// <summary>It waits until <see cref="GuardrailOptions.PostponeBy"/> after the person's message, then goes out.</summary>
    Postpone,
}
