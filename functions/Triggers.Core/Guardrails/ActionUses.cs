namespace Triggers.Core.Guardrails;

/// <summary>
/// What an action may say it uses beyond sending text (its optional <c>uses</c> field): the things some platforms
/// forbid automation to do, so a rule that needs one is blocked there with the platform-policy guardrail.
/// </summary>
public static class ActionUses
{
    /// <summary>A phone call placed by us or a third-party dialer.</summary>
    public const string OutboundCall = "outbound-call";

    /// <summary>A livestream hosted by an AI-driven digital human.</summary>
    public const string DigitalHumanLivestream = "digital-human-livestream";

    public static IReadOnlyList<string> All { get; } = [OutboundCall, DigitalHumanLivestream];

    public static bool IsKnown(string use) => All.Contains(use, StringComparer.Ordinal);
}
