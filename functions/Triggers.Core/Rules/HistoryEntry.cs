namespace Triggers.Core.Rules;

/// <summary>
/// One superseded version of a rule (table <c>RuleHistory</c>): the rule as it was before <see cref="ChangedAt"/>,
/// and who replaced or removed it.
/// </summary>
/// <param name="Change"><c>changed</c> or <c>removed</c>.</param>
/// <param name="Version">The superseded version (its last-modified time in table Rules).</param>
/// <param name="ChangedBy">The new entity's <c>ChangedBy</c>, or <c>unknown</c>.</param>
public sealed record HistoryEntry(
    string Tenant,
    string RuleId,
    string Change,
    bool Enabled,
    int Priority,
    string? When,
    string? Then,
    string? Cooldown,
    string? Description,
    string? Version,
    DateTimeOffset ChangedAt,
    string ChangedBy)
{
    public const string Changed = "changed";
    public const string Removed = "removed";
    public const string UnknownAuthor = "unknown";

    /// <summary>The superseded <paramref name="previous"/>, replaced by <paramref name="next"/> (null when removed).</summary>
    public static HistoryEntry Of(RuleDefinition previous, RuleDefinition? next, DateTimeOffset detectedAt)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var changedAt = next is not null && HistoryVersions.TryParse(next.Version, out var stamped) ? stamped : detectedAt;
        var changedBy = next is not null && !string.IsNullOrWhiteSpace(next.ChangedBy) ? next.ChangedBy.Trim() : UnknownAuthor;
        return new HistoryEntry(
            previous.Tenant, previous.Id, next is null ? Removed : Changed, previous.Enabled, previous.Priority,
            previous.When, previous.Then, previous.Cooldown, previous.Description, previous.Version, changedAt, changedBy);
    }
}
