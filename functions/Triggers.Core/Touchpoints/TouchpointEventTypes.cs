using Triggers.Core.Rules;

namespace Triggers.Core.Touchpoints;

/// <summary>The CloudEvent types of touchpoint outcomes (docs/events.md); each is published at most once per touchpoint.</summary>
public static class TouchpointEventTypes
{
    public const string Planned = "triggers.touchpoint.planned";
    public const string Sent = "triggers.touchpoint.sent";
    public const string HandedOff = "triggers.touchpoint.handed_off";
    public const string Blocked = "triggers.touchpoint.blocked";
    public const string Cancelled = "triggers.touchpoint.cancelled";
    public const string Failed = "triggers.touchpoint.failed";

    public static IReadOnlyList<string> All { get; } = [Planned, Sent, HandedOff, Blocked, Cancelled, Failed];

    /// <summary>
    /// The event a touchpoint's status announces, or null for statuses that are steps, not outcomes (sending). A
    /// hand-off that reached the queue for people is <see cref="HandedOff"/>, not <see cref="Sent"/>.
    /// </summary>
    public static string? ForStatus(Touchpoint touchpoint)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return touchpoint.Status switch
        {
            TouchpointStatus.Planned => Planned,
            TouchpointStatus.Sent => string.Equals(touchpoint.Type, ActionTypes.Handoff, StringComparison.Ordinal) ? HandedOff : Sent,
            TouchpointStatus.Blocked => Blocked,
            TouchpointStatus.Cancelled => Cancelled,
            TouchpointStatus.Failed => Failed,
            _ => null,
        };
    }

    /// <summary>The last part of the type (<c>sent</c>, <c>handed_off</c>...), used in event ids.</summary>
    public static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
