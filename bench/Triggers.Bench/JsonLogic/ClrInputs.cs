using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Signals;

namespace Triggers.Bench.JsonLogic;

/// <summary>
/// The CLR values the rule engine has when a signal arrives (Signal, TextAnalysis, contact, EmotionSnapshot),
/// recovered from one bench data object, so that the bench can time building the condition data from them.
/// </summary>
public sealed record ClrInputs(Signal Signal, TextAnalysis Analysis, JsonObject? Contact, EmotionSnapshot Emotion)
{
    private static readonly DateTimeOffset Window = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static ClrInputs From(JsonNode data)
    {
        var s = data["signal"]!;
        var actor = s["actor"]!;
        var occurredAt = DateTimeOffset.Parse(s["occurredAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var signal = new Signal
        {
            Id = s["id"]!.GetValue<string>(),
            Kind = s["kind"]!.GetValue<string>(),
            Type = s["type"]?.GetValue<string>(),
            Platform = s["platform"]!.GetValue<string>(),
            Channel = s["channel"]!.GetValue<string>(),
            Tenant = s["tenant"]!.GetValue<string>(),
            Text = s["text"]?.GetValue<string>(),
            OccurredAt = occurredAt,
            ReceivedAt = occurredAt,
            DedupeKey = s["id"]!.GetValue<string>(),
            Actor = new SignalActor(actor["id"]!.GetValue<string>(), actor["name"]?.GetValue<string>()),
            Attributes = s["attributes"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()),
        };

        var sentiment = data["sentiment"]!;
        var analysis = new TextAnalysis(
            sentiment["label"]!.GetValue<string>(),
            new SentimentScores(Number(sentiment["positive"]), Number(sentiment["neutral"]), Number(sentiment["negative"])),
            [.. data["topics"]!.AsArray().Select(t => t!.GetValue<string>())],
            "bench");

        var topics = data["emotion"]!.AsObject().ToDictionary(
            p => p.Key,
            p => new TopicEmotion(p.Key, Number(p.Value!["intensity"]), Number(p.Value["baseline"]), p.Value["peak"]!.GetValue<bool>(), Number(p.Value["valence"])));
        var room = data["room"]!.AsObject().ToDictionary(
            p => p.Key,
            p =>
            {
                var count = (long)Number(p.Value!["count"]);
                return new RoomAggregate(
                    p.Key, count, (long)Number(p.Value["positive"]), (long)Number(p.Value["negative"]), (long)Number(p.Value["neutral"]),
                    Number(p.Value["avgPositive"]) * count, Number(p.Value["avgNegative"]) * count);
            });

        // The contact as the rule engine would pass it (it always has the id here).
        return new ClrInputs(signal, analysis, data["contact"]!.DeepClone().AsObject(), new EmotionSnapshot(topics, new RoomMinute(new RoomKey("default", "demo", "room-1"), Window, room)));
    }

    private static double Number(JsonNode? node) => node!.GetValue<double>();
}
