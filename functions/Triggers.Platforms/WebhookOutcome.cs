using Triggers.Core.Signals;

namespace Triggers.Platforms;

/// <summary>What the app should do with a webhook call: exactly one of the three records below.</summary>
public abstract record WebhookOutcome;

/// <summary>A URL-verification handshake: answer 200 with <paramref name="Body"/>; nothing is enqueued.</summary>
public sealed record WebhookChallenge(string Body, string ContentType) : WebhookOutcome;

/// <summary>
/// A verified delivery. The app enqueues <paramref name="Signals"/> durably and only then answers
/// <paramref name="Reply"/>; if enqueueing fails it answers 5xx so the platform retries.
/// </summary>
public sealed record WebhookAccepted(IReadOnlyList<Signal> Signals, WebhookReply Reply) : WebhookOutcome;

/// <summary>
/// A refused call: 400 malformed, 401 bad or missing signature or a replay, 403 wrong app id,
/// 405 method, 413 body too large, 500 the channel itself is misconfigured.
/// <paramref name="Error"/> names what is wrong and never contains a secret.
/// </summary>
public sealed record WebhookRejected(int StatusCode, string Error) : WebhookOutcome;
