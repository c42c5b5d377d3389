namespace Triggers.Platforms.Outbound;

/// <summary>One touchpoint ready to leave: who gets what, on which channel, and the id that makes sending idempotent.</summary>
public sealed record OutboundMessage
{
    /// <summary>The touchpoint id: receivers that can de-duplicate get it (X-Triggers-Delivery).</summary>
    public required string TouchpointId { get; init; }

    public required string Tenant { get; init; }

    public required string Contact { get; init; }

    /// <summary>The rule action type: message, invite, coupon, alert...</summary>
    public required string Type { get; init; }

    /// <summary>The rendered text to send.</summary>
    public required string Text { get; init; }

    public string? Template { get; init; }

    public string? RuleId { get; init; }

    public string? SignalId { get; init; }

    public DateTimeOffset DueAt { get; init; }

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; init; } = 1;
}
