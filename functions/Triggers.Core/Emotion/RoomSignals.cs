using Triggers.Core.Analysis;
using Triggers.Core.Signals;

namespace Triggers.Core.Emotion;

/// <summary>Which signals count toward a live room, which room, which window, and what they add.</summary>
public static class RoomSignals
{
    /// <summary>Attribute names platforms use for the live room id (Bilibili room_id, Kuaishou roomId, …), first match wins.</summary>
    public static IReadOnlyList<string> RoomIdAttributes { get; } = ["room_id", "roomId", "RoomId", "roomid", "live_room_id", "liveRoomId"];

    /// <returns>The room a danmaku or comment was posted in, or null when it is not a live-room signal.</returns>
    public static RoomKey? RoomOf(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Kind is not (SignalKinds.Danmaku or SignalKinds.Comment))
        {
            return null;
        }

        foreach (var name in RoomIdAttributes)
        {
            if (signal.Attributes.TryGetValue(name, out var id) && !string.IsNullOrWhiteSpace(id))
            {
                return new RoomKey(signal.Tenant, signal.Channel, id.Trim());
            }
        }

        return null;
    }

    /// <summary>The start of the window holding <paramref name="at"/>, in UTC.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The room window must be positive.");
        }

        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % window.Ticks), TimeSpan.Zero);
    }

    /// <summary>
    /// One contribution per topic (from its strongest mention) and one to <see cref="RoomAggregate.All"/> from the
    /// whole text; a topic named like the reserved "all" is left out so it cannot count twice.
    /// </summary>
    public static IReadOnlyList<RoomContribution> Contributions(TextAnalysis analysis, IReadOnlyList<EmotionReading> readings)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(readings);
        var list = readings
            .Where(r => !string.Equals(r.Topic, RoomAggregate.All, StringComparison.Ordinal))
            .Select(r => new RoomContribution(r.Topic, r.Label, r.Positive, r.Negative))
            .ToList();
        list.Add(new RoomContribution(RoomAggregate.All, analysis.Label, analysis.Scores.Positive, analysis.Scores.Negative));
        return list;
    }
}
