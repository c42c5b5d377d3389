namespace Triggers.Core.Touchpoints;

/// <summary>The guardrails that can stop or defer a touchpoint, as listed on blocked touchpoints.</summary>
public static class GuardrailNames
{
    /// <summary>Inside the tenant's quiet hours: deferred to the window's end plus slack, not dropped.</summary>
    public const string QuietHours = "quiet-hours";

    /// <summary>The contact's daily or weekly cap on the channel is used up (automation may use only its share).</summary>
    public const string FrequencyCap = "frequency-cap";

    /// <summary>The contact unfollowed, opted out by keyword, or was opted out by an admin.</summary>
    public const string Consent = "consent";

    /// <summary>The platform's terms forbid it (for example WeChat's 48-hour customer-service window).</summary>
    public const string PlatformPolicy = "platform-policy";

    /// <summary>A person wrote to the contact after planning: the automated follow-up gives way.</summary>
    public const string HumanPrecedence = "human-precedence";

    /// <summary>A coupon during another platform's exclusive promotion window (deferred), or undercutting a running one (blocked).</summary>
    public const string PromotionConflict = "promotion-conflict";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        QuietHours, FrequencyCap, Consent, PlatformPolicy, HumanPrecedence, PromotionConflict,
    };
}
