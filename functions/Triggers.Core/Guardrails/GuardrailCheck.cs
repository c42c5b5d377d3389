namespace Triggers.Core.Guardrails;

/// <summary>One check of <see cref="GuardrailEvaluator"/>; <see cref="GuardrailEvaluator.DefaultOrder"/> is the order they run in.</summary>
public enum GuardrailCheck
{
    /// <summary>A person wrote after the touch was planned (<see cref="Touchpoints.GuardrailNames.HumanPrecedence"/>).</summary>
    HumanPrecedence,

    /// <summary>The contact opted out.</summary>
    Consent,

    /// <summary>The platform forbids one of the touch's uses.</summary>
    BannedUse,

    /// <summary>The platform's contact window (WeChat's 48 hours) is closed.</summary>
    ContactWindow,

    /// <summary>The daily or weekly cap is used up.</summary>
    FrequencyCap,

    /// <summary>Inside the tenant's quiet hours.</summary>
    QuietHours,

    /// <summary>Another platform's promotion: its exclusive window runs, or a coupon would undercut it (<see cref="Touchpoints.GuardrailNames.PromotionConflict"/>).</summary>
    PromotionConflict,
}
