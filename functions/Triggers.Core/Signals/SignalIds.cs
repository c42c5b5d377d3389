using Triggers.Core.Identity;

namespace Triggers.Core.Signals;

/// <summary>
/// Signal ids are derived from the platform identity, so the same event delivered twice
/// (platform retries, at-least-once queues) always becomes the same signal.
/// </summary>
public static class SignalIds
{
    /// <summary>32 lower-case hex characters: safe as a table RowKey and in URLs.</summary>
    public static string Create(string tenant, string channel, string dedupeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        return StableId.From(tenant, channel, dedupeKey);
    }
}
