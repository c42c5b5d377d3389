using System.Text.Json.Nodes;

namespace Triggers.Core.Emotion;

/// <summary>
/// The JSON rule conditions see: <c>emotion.&lt;topic&gt;.{intensity,baseline,peak,valence}</c> and
/// <c>room.&lt;topic&gt;.{count,positive,negative,neutral,avgPositive,avgNegative}</c> with <c>room.all</c>.
/// </summary>
public static class EmotionData
{
    public const string EmotionKey = "emotion";
    public const string RoomKey = "room";

    /// <returns><c>{"emotion": {...}, "room": {...}}</c>; both objects are empty when there is nothing to show.</returns>
    public static JsonObject ToJson(EmotionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new JsonObject
        {
            [EmotionKey] = Emotion(snapshot),
            [RoomKey] = Room(snapshot.Room),
        };
    }

    /// <summary>Sets <c>emotion</c> and <c>room</c> on rule condition data.</summary>
    public static void AddTo(JsonObject conditionData, EmotionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(conditionData);
        ArgumentNullException.ThrowIfNull(snapshot);
        conditionData[EmotionKey] = Emotion(snapshot);
        conditionData[RoomKey] = Room(snapshot.Room);
    }

    private static JsonObject Emotion(EmotionSnapshot snapshot)
    {
        var emotion = new JsonObject();
        foreach (var (topic, e) in snapshot.Topics.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            emotion[topic] = new JsonObject
            {
                ["intensity"] = e.Intensity,
                ["baseline"] = e.Baseline,
                ["peak"] = e.Peak,
                ["valence"] = e.Valence,
            };
        }

        return emotion;
    }

    private static JsonObject Room(RoomMinute? room)
    {
        var json = new JsonObject();
        if (room is null)
        {
            return json;
        }

        // "all" last, so that it wins over a topic someone named "all".
        foreach (var (topic, a) in room.Topics.OrderBy(t => t.Key == RoomAggregate.All).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            json[topic] = new JsonObject
            {
                ["count"] = a.Count,
                ["positive"] = a.Positive,
                ["negative"] = a.Negative,
                ["neutral"] = a.Neutral,
                ["avgPositive"] = a.AveragePositive,
                ["avgNegative"] = a.AverageNegative,
            };
        }

        if (!json.ContainsKey(RoomAggregate.All))
        {
            json[RoomAggregate.All] = new JsonObject
            {
                ["count"] = 0, ["positive"] = 0, ["negative"] = 0, ["neutral"] = 0, ["avgPositive"] = 0.0, ["avgNegative"] = 0.0,
            };
        }

        return json;
    }
}
