using Triggers.Testing;
using System.Text.Json.Nodes;
using Triggers.Core.Emotion;
using Logic = Triggers.Core.JsonLogic.JsonLogic;
using Triggers.Core.Rules;
using Triggers.Core.Tests.Support;

namespace Triggers.Core.Tests.Emotion;

public sealed class EmotionDataTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 3, 2, 4, 0, TimeSpan.Zero);

    private static EmotionSnapshot Snapshot(long priceNegatives) => new(
        new Dictionary<string, TopicEmotion>
        {
            ["range_anxiety"] = new("range_anxiety", 0.8, 0.3, true, -0.75),
            ["design"] = new("design", 0.5, 0.45, false, 0.5),
        },
        new RoomMinute(
            new RoomKey("default", "bili", "4412"),
            Minute,
            new Dictionary<string, RoomAggregate>
            {
                ["price"] = new("price", priceNegatives + 1, 1, priceNegatives, 0, 0.9, priceNegatives * 0.5),
                ["all"] = new("all", priceNegatives + 3, 2, priceNegatives, 1, 1.5, priceNegatives * 0.5),
            }));

    [Fact]
    public void The_snapshot_becomes_emotion_and_room_objects_keyed_by_topic()
    {
        var json = EmotionData.ToJson(Snapshot(priceNegatives: 2));

        // price: 3 signals, positive sum 0.9 → avg 0.3, negative sum 1.0 → avg 1/3; all: 5 signals → 0.3 and 0.2.
        JsonAssert.Equal(
            """
            {
              "emotion": {
                "design": { "intensity": 0.5, "baseline": 0.45, "peak": false, "valence": 0.5 },
                "range_anxiety": { "intensity": 0.8, "baseline": 0.3, "peak": true, "valence": -0.75 }
              },
              "room": {
                "price": { "count": 3, "positive": 1, "negative": 2, "neutral": 0, "avgPositive": 0.3, "avgNegative": 0.3333333333333333 },
                "all": { "count": 5, "positive": 2, "negative": 2, "neutral": 1, "avgPositive": 0.3, "avgNegative": 0.2 }
              }
            }
            """,
            json);
    }

    [Fact]
    public void Without_topics_or_a_room_both_objects_are_empty()
    {
        JsonAssert.Equal("""{ "emotion": {}, "room": {} }""", EmotionData.ToJson(EmotionSnapshot.Empty));
    }

    [Fact]
    public void The_documented_example_conditions_match_rule_data_built_with_the_snapshot()
    {
        var data = ConditionData.Build(TestSignals.Message(), TestSignals.Angry("range_anxiety"), contact: null);
        var peak = Logic.Compile(JsonNode.Parse("""{"==":[{"var":"emotion.range_anxiety.peak"},true]}"""));
        var priceWave = Logic.Compile(JsonNode.Parse("""{">":[{"var":"room.price.negative"},5]}"""));

        EmotionData.AddTo(data, Snapshot(priceNegatives: 6));
        var withWave = peak.IsSatisfiedBy(data) && priceWave.IsSatisfiedBy(data);
        EmotionData.AddTo(data, Snapshot(priceNegatives: 5));
        var atFive = priceWave.IsSatisfiedBy(data);
        EmotionData.AddTo(data, EmotionSnapshot.Empty);
        var empty = peak.IsSatisfiedBy(data) || priceWave.IsSatisfiedBy(data);

        Assert.True(withWave);
        Assert.False(atFive);
        Assert.False(empty);
        Assert.Equal("o-actor-1", data["signal"]!["actor"]!["id"]!.GetValue<string>());
    }
}
