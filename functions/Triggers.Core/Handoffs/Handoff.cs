namespace Triggers.Core.Handoffs;

/// <summary>A contact waiting for a person, with what that person needs to pick the conversation up.</summary>
public sealed record Handoff
{
    /// <summary>The id of the touchpoint that asked for it, so a redelivery cannot queue the contact twice.</summary>
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string Channel { get; init; }

    public required string Contact { get; init; }

    public required string RuleId { get; init; }

    /// <summary>One of <see cref="HandoffStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Higher first: negative sentiment, order value and waiting time (see HandoffUrgency).</summary>
    public required double Urgency { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The touchpoint's why sentence.</summary>
    public required string Why { get; init; }

    /// <summary>The context as JSON: last signals with sentiment and topics, the emotion trend.</summary>
    public required string ContextJson { get; init; }

    public string? SuggestedReply { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Who closed it: the admin key's name, and the person named, if any.</summary>
    public string? ClosedBy { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The store's concurrency token as read; not persisted.</summary>
    public string? Version { get; init; }
}
