namespace Triggers.Core.Contacts;

/// <summary>What the guardrails need to know about one contact on one channel.</summary>
public sealed record ContactState
{
    public required string Tenant { get; init; }

    public required string Channel { get; init; }

    public required string Contact { get; init; }

    /// <summary>The contact's last message or action towards us (WeChat's 48-hour window counts from it).</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>The last time a person on our side wrote to the contact or claimed their hand-off.</summary>
    public DateTimeOffset? LastAgentAt { get; init; }

    /// <summary>false after an unfollow, an opt-out keyword or an admin opt-out, until the contact opts back in.</summary>
    public bool OptedOut { get; init; }

    /// <summary>What set <see cref="OptedOut"/> last: unfollow, keyword:退订, admin:{who}, follow, ...</summary>
    public string? ConsentSource { get; init; }

    public DateTimeOffset? ConsentChangedAt { get; init; }

    /// <summary>
    /// The contact's capped touchpoints planned on this channel, as the pipeline recorded them, so planning counts them
    /// without a query (<see cref="PlannedTouches"/>). Null for a state stored before this index existed.
    /// </summary>
    public IReadOnlyList<PlannedTouch>? Planned { get; init; }

    /// <summary>
    /// The latest local day a touch of this contact on this channel entered the send ledger (automated, or a person's),
    /// raised by the ledger's writers before they write. Planning reads the ledger only when this falls in the week it
    /// counts. <see cref="DateOnly.MinValue"/>: never touched; null: not known (a state stored before this existed).
    /// </summary>
    public DateOnly? LastTouchedOn { get; init; }

    /// <summary>The store's concurrency token as read; null for a state not stored yet.</summary>
    public string? Version { get; init; }
}
