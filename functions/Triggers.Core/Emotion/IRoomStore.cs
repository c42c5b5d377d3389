namespace Triggers.Core.Emotion;

/// <summary>Live-room window aggregates by topic.</summary>
public interface IRoomStore
{
    /// <summary>
    /// Adds one signal's contributions to the window's aggregates, exactly once per signal and window:
    /// adding the same signal again changes nothing.
    /// </summary>
    /// <returns>The window's aggregates after the add as this writer saw them (as found, for a repeat).</returns>
    Task<RoomMinute> AddAsync(
        RoomKey room, DateTimeOffset windowStart, string signalId, IReadOnlyList<RoomContribution> contributions, CancellationToken cancellationToken);

    /// <returns>The window's aggregates; empty when nothing was added.</returns>
    Task<RoomMinute> ReadAsync(RoomKey room, DateTimeOffset windowStart, CancellationToken cancellationToken);
}
