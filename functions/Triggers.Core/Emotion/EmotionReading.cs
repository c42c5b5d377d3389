using Triggers.Core.Analysis;

namespace Triggers.Core.Emotion;

/// <summary>What one signal says about one topic: the strongest of its mentions of that topic.</summary>
/// <param name="Intensity">max(positive, negative) of the mention's clause: how strongly it is felt, either way.</param>
/// <param name="Valence">positive − negative of the same clause: which way.</param>
/// <param name="Label">The clause's label (positive, neutral or negative).</param>
public sealed record EmotionReading(string Topic, double Intensity, double Valence, string Label, double Positive, double Negative)
{
    public static EmotionReading From(TopicMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var positive = Unit(mention.Scores.Positive);
        var negative = Unit(mention.Scores.Negative);
        return new EmotionReading(mention.Topic, Math.Max(positive, negative), positive - negative, mention.Label, positive, negative);
    }

    /// <summary>One reading per topic mentioned, in ordinal topic order; several mentions of a topic count once, by the strongest.</summary>
    public static IReadOnlyList<EmotionReading> From(TextAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return [.. analysis.Mentions
            .Where(m => !string.IsNullOrWhiteSpace(m.Topic))
            .Select(From)
            .GroupBy(r => r.Topic, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Intensity)!)
            .OrderBy(r => r.Topic, StringComparer.Ordinal)];
    }

    // Scores come from analysers we do not control; keep NaN and rounding spill from reaching the detector.
    private static double Unit(double score) => double.IsNaN(score) ? 0 : Math.Clamp(score, 0, 1);
}
