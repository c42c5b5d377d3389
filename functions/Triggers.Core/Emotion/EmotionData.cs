using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;
using Triggers.Core.JsonLogic.Values;

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

    // The same objects as Emotion and Room, in the evaluator's form (ConditionData.BuildLogicData).
    internal static JsVal EmotionValue(EmotionSnapshot snapshot)
    {
        if (snapshot.Topics.Count == 0)
        {
            return new LogicObjectBuilder().Build();
        }

        var emotion = new LogicObjectBuilder(snapshot.Topics.Count);
        foreach (var (topic, e) in snapshot.Topics.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            emotion.Set(topic, LogicDataBuilder.Object(Layout.Emotion,
            [
                LogicDataBuilder.Number(e.Intensity),
                LogicDataBuilder.Number(e.Baseline),
                LogicDataBuilder.Boolean(e.Peak),
                LogicDataBuilder.Number(e.Valence),
            ]));
        }

        return emotion.Build();
    }

    internal static JsVal RoomValue(RoomMinute? room)
    {
        var json = new LogicObjectBuilder();
        if (room is null)
        {
            return json.Build();
        }

        foreach (var (topic, a) in room.Topics.OrderBy(t => t.Key == RoomAggregate.All).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            json.Set(topic, LogicDataBuilder.Object(Layout.Room,
            [
                LogicDataBuilder.Number(a.Count),
                LogicDataBuilder.Number(a.Positive),
                LogicDataBuilder.Number(a.Negative),
                LogicDataBuilder.Number(a.Neutral),
                LogicDataBuilder.Number(a.AveragePositive),
                LogicDataBuilder.Number(a.AverageNegative),
            ]));
        }

        if (!json.ContainsKey(RoomAggregate.All))
        {
            var zero = LogicDataBuilder.Number(0);
            json.Set(RoomAggregate.All, LogicDataBuilder.Object(Layout.Room, [zero, zero, zero, zero, zero, zero]));
        }

        return json.Build();
    }

    private static class Layout
    {
        public static readonly ObjectShape Emotion = LogicDataBuilder.Shape("intensity", "baseline", "peak", "valence");
        public static readonly ObjectShape Room = LogicDataBuilder.Shape("count", "positive", "negative", "neutral", "avgPositive", "avgNegative");
    }
}
