namespace Triggers.Core.Signals;

/// <summary>
/// One normalised event from a platform: a message, comment, follow, order and so on.
/// Every platform adapter produces this shape; everything downstream reads only this shape.
/// </summary>
public sealed record Signal
{
    /// <summary>Deterministic id (see <see cref="SignalIds"/>), so a redelivered event maps to the same signal.</summary>
    public required string Id { get; init; }

    public required string Channel { get; init; }

    public required string Platform { get; init; }

    public required string Tenant { get; init; }

    /// <summary>One of <see cref="SignalKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The platform's own type (for WeChat: MsgType, or MsgType/Event for events).</summary>
    public string? Type { get; init; }

    public required SignalActor Actor { get; init; }

    public string? Text { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The platform identity the signal is deduplicated on (MsgId, or FromUserName+CreateTime for events).</summary>
    public required string DedupeKey { get; init; }

    /// <summary>The verified (and decrypted) payload as received, kept for audit and re-analysis.</summary>
    public string? Raw { get; init; }

    /// <summary>Format of <see cref="Raw"/>: "xml" or "json".</summary>
    public string? RawFormat { get; init; }

    /// <summary>Platform fields worth keeping beyond the common shape (for example the account id a message was sent to).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The W3C <c>traceparent</c> of the work that received it (the webhook request), carried on the queue so processing
    /// and dispatch continue the same trace; null when nothing was tracing.
    /// </summary>
    public string? TraceParent { get; init; }
}
