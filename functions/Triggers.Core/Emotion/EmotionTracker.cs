using Triggers.Core.Analysis;
using Triggers.Core.Signals;

namespace Triggers.Core.Emotion;

/// <summary>
/// Applies a signal's topic mentions to the contact's emotion states and series, and a live-room signal to its
/// room window; returns what rules see. Safe under redelivery: a signal already applied changes nothing and
/// yields the same snapshot as the first time.
/// </summary>
public sealed class EmotionTracker(IEmotionStore emotions, IRoomStore rooms, EmotionOptions options, TimeProvider time)
{
    /// <summary>Optimistic-concurrency attempts before giving up (the queue then redelivers the signal).</summary>
    public const int MaxAttempts = 16;

    public async Task<EmotionSnapshot> ApplyAsync(Signal signal, TextAnalysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);

        var readings = EmotionReading.From(analysis);
        var topics = new Dictionary<string, TopicEmotion>(StringComparer.Ordinal);

        // Our own side's messages say nothing about how the contact feels.
        if (signal.Kind != SignalKinds.AgentMessage)
        {
            foreach (var reading in readings)
            {
                var key = new EmotionKey(signal.Tenant, signal.Actor.Id, reading.Topic);
                topics[reading.Topic] = await ApplyAsync(key, reading, signal, cancellationToken);
            }
        }

        RoomMinute? room = null;
        if (RoomSignals.RoomOf(signal) is { } roomKey)
        {
            // The signal's own time, not the clock: a redelivery must land in the same window.
            var window = RoomSignals.WindowStart(signal.OccurredAt, options.RoomWindow);
            room = await rooms.AddAsync(roomKey, window, signal.Id, RoomSignals.Contributions(analysis, readings), cancellationToken);
        }

        return new EmotionSnapshot(topics, room);
    }

    private async Task<TopicEmotion> ApplyAsync(EmotionKey key, EmotionReading reading, Signal signal, CancellationToken cancellationToken)
    {
        // A platform clock ahead of ours must not push the state into the future (that would stop its decay).
        var now = time.GetUtcNow();
        var at = signal.OccurredAt > now ? now : signal.OccurredAt;

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await emotions.GetAsync(key, cancellationToken);
            if (PeakDetector.IsDuplicate(stored?.State, signal.Id))
            {
                return await RepeatAsync(key, stored!.State, signal, cancellationToken);
            }

            var next = PeakDetector.Update(stored?.State, reading.Intensity, at, signal.Id, options, reading.Valence);
            if (await emotions.TrySaveAsync(key, next, stored?.ETag, cancellationToken))
            {
                await emotions.AppendPointAsync(key, EmotionPoint.From(next, signal.OccurredAt), cancellationToken);
                return TopicEmotion.From(key.Topic, next);
            }
        }

        throw new InvalidOperationException(
            $"The emotion state of contact '{key.Contact}' for topic '{key.Topic}' changed under us {MaxAttempts} times; giving up so the signal is retried.");
    }

    // Redelivery: answer as the first delivery did, and write the series point in case that delivery stopped before it.
    private async Task<TopicEmotion> RepeatAsync(EmotionKey key, EmotionState state, Signal signal, CancellationToken cancellationToken)
    {
        if (state.LastSignalId == signal.Id)
        {
            await emotions.AppendPointAsync(key, EmotionPoint.From(state, signal.OccurredAt), cancellationToken);
            return TopicEmotion.From(key.Topic, state);
        }

        var point = await emotions.GetPointAsync(key, signal.OccurredAt, signal.Id, cancellationToken);
        return point is null ? TopicEmotion.From(key.Topic, state) : TopicEmotion.From(key.Topic, point);
    }
}
