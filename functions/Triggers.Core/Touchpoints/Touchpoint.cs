namespace Triggers.Core.Touchpoints;

/// <summary>One outbound action for one contact, planned from one rule action and one signal.</summary>
public sealed record Touchpoint
{
    /// <summary>Deterministic (see <see cref="TouchpointIds"/>), so re-planning the same signal cannot double a touch.</summary>
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The rule's Version when planned; empty when the rule has none.</summary>
    public required string RuleVersion { get; init; }

    public required string SignalId { get; init; }

    /// <summary>Position of the action in the rule's Then.</summary>
    public required int ActionIndex { get; init; }

    /// <summary>One of the rule action types (message, invite, coupon...).</summary>
    public required string Type { get; init; }

    public required string Channel { get; init; }

    /// <summary>The contact's platform identity (the signal's actor id).</summary>
    public required string Contact { get; init; }

    /// <summary>One of <see cref="TouchpointStatus"/>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset PlannedAt { get; init; }

    /// <summary>A sentence for people: which rule (and version) fired on which facts.</summary>
    public required string Why { get; init; }

    public string? Template { get; init; }

    public string? Text { get; init; }
}
