namespace Triggers.Core.Handoffs;

/// <summary>open → claimed (a person took it) → closed.</summary>
public static class HandoffStatus
{
    public const string Open = "open";
    public const string Claimed = "claimed";
    public const string Closed = "closed";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Open, Claimed, Closed };
}
