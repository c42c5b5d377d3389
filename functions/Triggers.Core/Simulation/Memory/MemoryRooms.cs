using Triggers.Core.Emotion;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Live-room window aggregates in memory, each signal added once per window.</summary>
internal sealed class MemoryRooms : IRoomStore
{
    private readonly Dictionary<(RoomKey, DateTimeOffset), (HashSet<string> Signals, Dictionary<string, RoomAggregate> Topics)> _windows = [];

    public Task<RoomMinute> AddAsync(
        RoomKey room, DateTimeOffset windowStart, string signalId, IReadOnlyList<RoomContribution> contributions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        if (!_windows.TryGetValue((room, windowStart), out var window))
        {
            _windows[(room, windowStart)] = window = ([], new Dictionary<string, RoomAggregate>(StringComparer.Ordinal));
        }

        if (window.Signals.Add(signalId))
        {
            foreach (var contribution in contributions)
            {
                window.Topics[contribution.Topic] = window.Topics.GetValueOrDefault(contribution.Topic, RoomAggregate.Empty(contribution.Topic)).Add(contribution);
            }
        }

        return Task.FromResult(new RoomMinute(room, windowStart, new Dictionary<string, RoomAggregate>(window.Topics, StringComparer.Ordinal)));
    }

    public Task<RoomMinute> ReadAsync(RoomKey room, DateTimeOffset windowStart, CancellationToken cancellationToken) =>
        Task.FromResult(new RoomMinute(
            room, windowStart,
            _windows.TryGetValue((room, windowStart), out var window)
                ? new Dictionary<string, RoomAggregate>(window.Topics, StringComparer.Ordinal)
                : new Dictionary<string, RoomAggregate>(StringComparer.Ordinal)));
}
