namespace Triggers.Core.Touchpoints;

/// <summary>Where a touchpoint is in its life: planned → sending → sent | failed, or blocked / cancelled on the way.</summary>
public static class TouchpointStatus
{
    public const string Planned = "planned";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>A guardrail (quiet hours, frequency cap, opt-out...) stopped it.</summary>
    public const string Blocked = "blocked";
    public const string Cancelled = "cancelled";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Planned, Sending, Sent, Failed, Blocked, Cancelled,
    };

    public static bool IsKnown(string status) => All.Contains(status);
}
