namespace Triggers.Core.Emotion;

/// <summary>What a rule sees about one topic the signal mentioned.</summary>
/// <param name="Baseline">The contact's baseline before this signal, decayed to its time: what the peak test compared against.</param>
public sealed record TopicEmotion(string Topic, double Intensity, double Baseline, bool Peak, double Valence)
{
    public static TopicEmotion From(string topic, EmotionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TopicEmotion(topic, state.Intensity, state.PriorBaseline, state.IsPeak, state.Valence);
    }

    public static TopicEmotion From(string topic, EmotionPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new TopicEmotion(topic, point.Intensity, point.PriorBaseline, point.IsPeak, point.Valence);
    }
}
