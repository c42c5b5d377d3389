namespace Triggers.Core.Emotion;

/// <summary>The emotion data of one signal, for its rule conditions.</summary>
/// <param name="Topics">Per topic the signal mentioned.</param>
/// <param name="Room">The live room's current window, when the signal is a danmaku or comment in a room.</param>
public sealed record EmotionSnapshot(IReadOnlyDictionary<string, TopicEmotion> Topics, RoomMinute? Room)
{
    public static EmotionSnapshot Empty { get; } = new(new Dictionary<string, TopicEmotion>(StringComparer.Ordinal), null);
}
