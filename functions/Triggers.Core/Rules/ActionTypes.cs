namespace Triggers.Core.Rules;

/// <summary>The fixed vocabulary of action types (ARCHITECTURE.md).</summary>
public static class ActionTypes
{
    public const string Message = "message";
    public const string Invite = "invite";
    public const string Coupon = "coupon";
    public const string Tag = "tag";
    public const string Coins = "coins";

    /// <summary>Community contribution points towards the contact's trust (<c>points</c>, <c>reason</c>; docs/relationships.md).</summary>
    public const string Contribute = "contribute";
    public const string Handoff = "handoff";
    public const string Alert = "alert";

    /// <summary>In the documented order, for messages that list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Message, Invite, Coupon, Tag, Coins, Contribute, Handoff, Alert];

    /// <summary>
    /// The types that put something in front of the contact. Only these face consent, frequency caps, quiet hours and
    /// platform contact windows; tag, coins, contribute, handoff and alert act on our side.
    /// </summary>
    public static IReadOnlySet<string> ContactFacing { get; } = new HashSet<string>(StringComparer.Ordinal) { Message, Invite, Coupon };

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    public static bool ReachesContact(string type) => ContactFacing.Contains(type);
}
