using System.Text.Json;

namespace Triggers.Platforms.Kuaishou;

/// <summary>
/// A verified Kuaishou push. The field names (message_id, event, app_id, timestamp, data) are inferred from
/// a documentation mirror, not read in an official sample.
/// </summary>
/// <param name="Text">The body exactly as verified.</param>
/// <param name="Root">The whole body, for fields outside the envelope.</param>
/// <param name="Timestamp">The timestamp as sent, for messages; null when absent.</param>
/// <param name="SentAt">The timestamp read as unix seconds or milliseconds.</param>
/// <param name="Data">The data object, parsed a second time when it came as a JSON string.</param>
public sealed record KuaishouEnvelope(
    string Text,
    JsonElement Root,
    string Event,
    string? MessageId,
    string? AppId,
    string? Timestamp,
    DateTimeOffset? SentAt,
    JsonElement? Data)
{
    /// <summary>The push sent when the callback URL is saved in the console.</summary>
    public bool IsTest => string.Equals(Event, "TEST", StringComparison.OrdinalIgnoreCase);
}
