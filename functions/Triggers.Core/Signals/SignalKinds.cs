namespace Triggers.Core.Signals;

/// <summary>The fixed vocabulary of signal kinds (ARCHITECTURE.md); the platform's own type stays in <see cref="Signal.Type"/>.</summary>
public static class SignalKinds
{
    public const string Message = "message";
    public const string Comment = "comment";
    public const string Danmaku = "danmaku";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string ContactAdded = "contact_added";
    public const string ContactRemoved = "contact_removed";
    public const string Order = "order";
    public const string Refund = "refund";
    public const string Review = "review";
    public const string AgentMessage = "agent_message";
    public const string Event = "event";

    /// <summary>A CRM relaying who an account is: <c>attributes.member</c>, and optionally more accounts (docs/relationships.md).</summary>
    public const string Identify = "identify";

    /// <summary>A member redeeming knowledge coins for a reward: <c>attributes.reward</c> names a row of table Rewards (docs/relationships.md).</summary>
    public const string Redeem = "redeem";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Message, Comment, Danmaku, Follow, Unfollow, ContactAdded, ContactRemoved,
        Order, Refund, Review, AgentMessage, Event, Identify, Redeem,
    };

    public static bool IsKnown(string kind) => All.Contains(kind);
}
