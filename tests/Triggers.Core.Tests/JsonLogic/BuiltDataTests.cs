using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.JsonLogic;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Tests.Support;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Tests.JsonLogic;

/// <summary>
/// <see cref="ConditionData.BuildLogicData"/>: the condition data built straight into the evaluator's form must be
/// the data that <see cref="ConditionData.Build"/> and <see cref="EmotionData.AddTo"/> make, read by <see cref="JsonLogicData"/>.
/// </summary>
public sealed class BuiltDataTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 3, 2, 4, 0, TimeSpan.Zero);

    private static readonly EmotionSnapshot Emotion = new(
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
                ["all"] = new("all", 5, 2, 2, 1, 1.5, 1.0),
                ["price"] = new("price", 3, 1, 2, 0, 0.9, 1.0),
            }));

    private static readonly EmotionSnapshot RoomWithoutAll = new(
        new Dictionary<string, TopicEmotion>(),
        new RoomMinute(new RoomKey("default", "bili", "4412"), Minute, new Dictionary<string, RoomAggregate> { ["price"] = new("price", 1, 0, 1, 0, 0, 0.7) }));

    public static TheoryData<string> Cases => ["plain", "attributes", "contact", "contact with id", "empty contact", "no text or name", "emotion", "empty emotion", "room without all"];

    private static (Signal Signal, TextAnalysis Analysis, JsonObject? Contact, EmotionSnapshot? Emotion) Case(string name)
    {
        var signal = TestSignals.Message();
        var analysis = TestSignals.Angry("refund", "delivery");
        return name switch
        {
            "plain" => (signal, analysis, null, null),
            "attributes" => (signal with { Attributes = new Dictionary<string, string> { ["orderId"] = "OD1", ["amount"] = "287800" } }, analysis, null, null),
            "contact" => (signal, analysis, new JsonObject { ["tags"] = new JsonArray("vip", "owner"), ["orders"] = 2, ["coins"] = 37.5, ["phone"] = null }, null),
            "contact with id" => (signal, analysis, new JsonObject { ["orders"] = 1, ["id"] = "unionid-9" }, null),
            "empty contact" => (signal, analysis, [], null),
            "no text or name" => (signal with { Text = null, Type = null, Actor = new SignalActor("o-2") }, TestSignals.Angry(), null, null),
            "emotion" => (signal, analysis, null, Emotion),
            "empty emotion" => (signal, analysis, null, EmotionSnapshot.Empty),
            "room without all" => (signal, analysis, null, RoomWithoutAll),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static JsonObject Built(string name)
    {
        var (signal, analysis, contact, emotion) = Case(name);
        var data = ConditionData.Build(signal, analysis, contact);
        if (emotion is not null)
        {
            EmotionData.AddTo(data, emotion);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Building_the_logic_data_directly_gives_the_same_data_as_building_the_json_and_reading_it(string name)
    {
        var (signal, analysis, contact, emotion) = Case(name);
        var direct = ConditionData.BuildLogicData(signal, analysis, contact, emotion);

        // Both seen through the evaluator: the whole data evaluated and copied out (numbers as JSON numbers).
        var whole = Logic.Compile(JsonNode.Parse("""{"var": ""}"""));
        Assert.Equal(new JsonLogicData(Built(name)).Evaluate(whole)!.ToJsonString(), direct.Evaluate(whole)!.ToJsonString());
        Assert.Equal(direct.Evaluate(whole)!.ToJsonString(), direct.Node!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rules_answer_the_same_on_directly_built_data_as_on_data_read_from_the_json(string name)
    {
        var (signal, analysis, contact, emotion) = Case(name);
        var direct = ConditionData.BuildLogicData(signal, analysis, contact, emotion);
        var read = new JsonLogicData(Built(name));
        string[] conditions =
        [
            """{"==": [{"var": "signal.kind"}, "message"]}""",
            """{"in": [{"var": "signal.platform"}, ["wechat", "wecom"]]}""",
            """{"in": ["退款", {"var": "signal.text"}]}""",
            """{">": [{"var": "sentiment.negative"}, 0.5]}""",
            """{"in": ["refund", {"var": "topics"}]}""",
            """{"==": [{"var": "contact.id"}, "o-actor-1"]}""",
            """{"in": ["vip", {"var": ["contact.tags", []]}]}""",
            """{">=": [{"var": ["contact.coins", 0]}, 30]}""",
            """{"missing": ["contact.phone", "signal.text", "signal.actor.name"]}""",
            """{"==": [{"var": "signal.attributes.amount"}, 287800]}""",
            """{"==": [{"var": "emotion.range_anxiety.peak"}, true]}""",
            """{"<": [{"var": "emotion.range_anxiety.valence"}, -0.3]}""",
            """{">": [{"var": "room.price.negative"}, 1]}""",
            """{"==": [{"var": "room.all.count"}, 0]}""",
            """{">": [{"var": "room.all.avgNegative"}, 0.1]}""",
            """{"<": ["2026-11-03", {"var": "signal.occurredAt"}]}""",
        ];
        foreach (var condition in conditions)
        {
            var expression = Logic.Compile(JsonNode.Parse(condition));
            Assert.Equal(read.Evaluate(expression)?.ToJsonString(), direct.Evaluate(expression)?.ToJsonString());
            Assert.Equal(read.Satisfies(expression), direct.Satisfies(expression));
        }
    }
}
