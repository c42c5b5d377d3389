namespace Triggers.Core.Emotion;

/// <summary>A room's aggregates for one window (a minute by default), by topic, with <see cref="RoomAggregate.All"/> among them.</summary>
public sealed record RoomMinute(RoomKey Room, DateTimeOffset WindowStart, IReadOnlyDictionary<string, RoomAggregate> Topics);
