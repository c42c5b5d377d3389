using Triggers.Core.Analysis;
using Triggers.Core.Emotion;

namespace Triggers.Core.Tests.Emotion;

public sealed class EmotionReadingTests
{
    private static TopicMention Mention(string topic, string label, double positive, double neutral, double negative) =>
        new(topic, topic, "clause", label, new SentimentScores(positive, neutral, negative));

    [Fact]
    public void Intensity_is_the_stronger_polarity_and_valence_is_positive_minus_negative()
    {
        var reading = EmotionReading.From(Mention("range_anxiety", "negative", 0.1, 0.2, 0.7));

        Assert.Equal(0.7, reading.Intensity, 1e-12);
        Assert.Equal(-0.6, reading.Valence, 1e-12);
    }

    [Fact]
    public void Each_topic_gets_its_own_clause_and_repeated_mentions_count_once_by_the_strongest()
    {
        // "续航太差了但是颜值很高，续航真的一般": range twice (strongly, then mildly negative), design once positive.
        var analysis = new TextAnalysis("neutral", new SentimentScores(0.4, 0.2, 0.4), ["range_anxiety", "design"], "test")
        {
            Mentions =
            [
                Mention("range_anxiety", "negative", 0.05, 0.15, 0.8),
                Mention("design", "positive", 0.9, 0.05, 0.05),
                Mention("range_anxiety", "negative", 0.2, 0.35, 0.45),
            ],
        };

        var readings = EmotionReading.From(analysis);

        Assert.Equal(["design", "range_anxiety"], readings.Select(r => r.Topic));
        Assert.Equal(0.9, readings[0].Intensity, 1e-12);
        Assert.Equal(0.85, readings[0].Valence, 1e-12);
        Assert.Equal(0.8, readings[1].Intensity, 1e-12);
        Assert.Equal(-0.75, readings[1].Valence, 1e-12);
    }

    [Fact]
    public void A_neutral_mention_has_low_intensity()
    {
        var reading = EmotionReading.From(Mention("price", "neutral", 0.1, 0.85, 0.05));

        Assert.Equal(0.1, reading.Intensity, 1e-12);
    }

    [Fact]
    public void Scores_outside_zero_to_one_are_clamped_so_the_detector_never_sees_them()
    {
        var reading = EmotionReading.From(Mention("price", "negative", double.NaN, 0, 1.0000001));

        Assert.Equal(1, reading.Intensity);
        Assert.Equal(-1, reading.Valence);
    }
}
