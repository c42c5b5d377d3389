namespace Triggers.Core.Emotion;

/// <summary>Per contact and topic: the current emotion state and its intensity series.</summary>
public interface IEmotionStore
{
    /// <returns>The state with its version, or null when the contact never mentioned the topic.</returns>
    Task<StoredEmotionState?> GetAsync(EmotionKey key, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="state"/> if the stored version is still <paramref name="etag"/> (null: only if none is stored).</summary>
    /// <returns>False when another writer got there first; read again and retry.</returns>
    Task<bool> TrySaveAsync(EmotionKey key, EmotionState state, string? etag, CancellationToken cancellationToken);

    /// <summary>Writes a series point; writing the same point (time and signal id) again replaces it.</summary>
    Task AppendPointAsync(EmotionKey key, EmotionPoint point, CancellationToken cancellationToken);

    /// <returns>The point a signal produced, or null.</returns>
    Task<EmotionPoint?> GetPointAsync(EmotionKey key, DateTimeOffset at, string signalId, CancellationToken cancellationToken);

    /// <summary>The topics the contact has an emotion timeline on.</summary>
    Task<IReadOnlyList<string>> ListTopicsAsync(string tenant, string contact, CancellationToken cancellationToken);

    /// <returns>Points with <paramref name="from"/> ≤ At ≤ <paramref name="to"/>, newest first, at most <paramref name="limit"/>.</returns>
    Task<IReadOnlyList<EmotionPoint>> ReadSeriesAsync(
        EmotionKey key, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);
}
