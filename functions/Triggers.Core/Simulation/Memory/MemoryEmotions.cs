using System.Globalization;
using Triggers.Core.Emotion;

namespace Triggers.Core.Simulation.Memory;

/// <summary>Emotion states and series in memory, version-guarded like the table.</summary>
internal sealed class MemoryEmotions : IEmotionStore
{
    private readonly Dictionary<EmotionKey, StoredEmotionState> _states = [];
    private readonly Dictionary<EmotionKey, SortedDictionary<(DateTimeOffset, string), EmotionPoint>> _series = [];
    private long _version;

    public Task<IReadOnlyList<string>> ListTopicsAsync(string tenant, string contact, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _states.Keys.Where(k => k.Tenant == tenant && k.Contact == contact).Select(k => k.Topic)]);

    public Task<StoredEmotionState?> GetAsync(EmotionKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault(key));

    public Task<bool> TrySaveAsync(EmotionKey key, EmotionState state, string? etag, CancellationToken cancellationToken)
    {
        if (_states.GetValueOrDefault(key)?.ETag != etag)
        {
            return Task.FromResult(false);
        }

        _states[key] = new StoredEmotionState(state, (++_version).ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(true);
    }

    public Task AppendPointAsync(EmotionKey key, EmotionPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!_series.TryGetValue(key, out var series))
        {
            _series[key] = series = [];
        }

        series[(point.At, point.SignalId)] = point;
        return Task.CompletedTask;
    }

    public Task<EmotionPoint?> GetPointAsync(EmotionKey key, DateTimeOffset at, string signalId, CancellationToken cancellationToken) =>
        Task.FromResult(_series.GetValueOrDefault(key)?.GetValueOrDefault((at, signalId)));

    public Task<IReadOnlyList<EmotionPoint>> ReadSeriesAsync(EmotionKey key, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EmotionPoint>>(
            [.. (_series.GetValueOrDefault(key)?.Values.AsEnumerable() ?? []).Where(p => p.At >= from && p.At <= to).Reverse().Take(limit)]);
}
