namespace Triggers.Core.Guardrails;

/// <summary>Where a platform rule in the policy data comes from, so people know which ones still need confirming.</summary>
public static class PolicyBasis
{
    /// <summary>Read in the platform's published rules (from public sources; re-check now and then).</summary>
    public const string PublicRule = "public-rule";

    /// <summary>A conservative default until operations confirms it with the platform.</summary>
    public const string DefaultToConfirm = "default-to-confirm";

    public static IReadOnlyList<string> All { get; } = [PublicRule, DefaultToConfirm];
}
