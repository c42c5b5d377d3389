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

    /// <summary>
    /// The action's <c>uses</c> (see <c>ActionUses</c>), space-separated; null for none. Kept on the touchpoint with its type,
    /// text, template and channel, so dispatch decides from the touchpoint alone and never reads the rules again.
    /// </summary>
    public string? Uses { get; init; }

    public string? Text { get; init; }

    /// <summary>
    /// A <c>coins</c> touchpoint: the knowledge coins it deposits when due, the experience it adds, and why; a
    /// <c>contribute</c> touchpoint: the community points it records (as Amount) and why.
    /// </summary>
    public long? Amount { get; init; }

    public long? Xp { get; init; }

    /// <summary>A coupon touchpoint: its discount, 0 to 1, which the promotion-conflict guardrail compares with other platforms' promotions.</summary>
    public double? Depth { get; init; }

    /// <summary>A coupon touchpoint: its face value in yuan, which the control lines count in its cost.</summary>
    public decimal? CouponValue { get; init; }

    public string? Reason { get; init; }

    /// <summary>The channel's platform (wechat, wecom, generic...), so guardrails and senders need no lookup.</summary>
    public string? Platform { get; init; }

    /// <summary>
    /// The platform of the contact's account when it is not the channel's: a relay channel (generic) carrying another
    /// platform's signals. A coins or contribute touchpoint credits that account's person. Null: the channel's platform.
    /// </summary>
    public string? ContactPlatform { get; init; }

    /// <summary>The structured reasons behind <see cref="Why"/>: rule and version, the facts that mattered.</summary>
    public TouchpointWhy? WhyFacts { get; init; }

    /// <summary>When the dispatcher should next look at it: <see cref="DueAt"/> at first, later after a retry back-off; null means DueAt.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>While <see cref="TouchpointStatus.Sending"/>: the claim expires then, and another dispatcher may take it over.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The guardrail that blocked or deferred it (see <see cref="GuardrailNames"/>).</summary>
    public string? Guardrail { get; init; }

    /// <summary>Why it is in its status, for people: the guardrail's detail, the cancel reason, the last send error.</summary>
    public string? StatusReason { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The platform's id for the sent message, when it returns one.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>
    /// The touchpoint's event outbox: every event recorded for it, as <c>type@time</c> separated by spaces (see
    /// <see cref="TouchpointOutbox"/>). Recorded in the same write as the status it announces, so none is lost or doubled.
    /// </summary>
    public string? RecordedEvents { get; init; }

    /// <summary>The recorded events not yet published, in the same form; null when all are out.</summary>
    public string? PendingEvents { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the signal's processing that planned it, so its dispatch joins the same trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The store's concurrency token (ETag) as read; not persisted. Updates succeed only if it still matches.</summary>
    public string? Version { get; init; }

    /// <summary>The action's uses as a list.</summary>
    public IReadOnlyList<string> UseList => Uses is { Length: > 0 } uses ? uses.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The time the dispatcher should look at it next.</summary>
    public DateTimeOffset NextLookAt => WakeAt ?? DueAt;
}
