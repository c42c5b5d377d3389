namespace Triggers.Platforms.Outbound;

/// <summary>How a send ended, as the dispatcher needs it.</summary>
public enum SendOutcome
{
    /// <summary>Delivered (or, for WeCom's staff-confirmed messages, the task was created).</summary>
    Sent,

    /// <summary>A transient failure (timeout, 5xx, throttling): try again later.</summary>
    Retry,

    /// <summary>It will never work as it is (bad contact id, missing setting): do not retry.</summary>
    Permanent,

    /// <summary>The platform refused it by policy (outside the 48-hour window, unsubscribed): a guardrail, not an error.</summary>
    Blocked,
}

/// <param name="Detail">For people: the platform's error code and message, or what to fix.</param>
/// <param name="Guardrail">With <see cref="SendOutcome.Blocked"/>: the guardrail name (platform-policy, consent).</param>
/// <param name="RetryAfter">With <see cref="SendOutcome.Retry"/>: what the platform asked for, if anything.</param>
public sealed record SendResult(
    SendOutcome Outcome,
    string Detail,
    string? Guardrail = null,
    string? ProviderMessageId = null,
    TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string? providerMessageId = null) => new(SendOutcome.Sent, "sent", null, providerMessageId);

    public static SendResult Retry(string detail, TimeSpan? retryAfter = null) => new(SendOutcome.Retry, detail, RetryAfter: retryAfter);

    public static SendResult Permanent(string detail) => new(SendOutcome.Permanent, detail);

    public static SendResult Blocked(string guardrail, string detail) => new(SendOutcome.Blocked, detail, guardrail);
}
