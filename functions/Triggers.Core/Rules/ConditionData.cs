using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.JsonLogic;
using Triggers.Core.JsonLogic.Values;
using Triggers.Core.Signals;

namespace Triggers.Core.Rules;

/// <summary>The data a rule condition sees (ARCHITECTURE.md): signal, sentiment, topics and contact.</summary>
public static class ConditionData
{
    /// <param name="contact">What is known about the contact; when null, just <c>{"id": actor id}</c>.</param>
    /// <param name="quadrant">The channel's role in the portfolio (<c>signal.quadrant</c>: value, emotion, conversion, service), or null.</param>
    /// <param name="controls">The tenant's control lines as rules see them; absent when null.</param>
    public static JsonObject Build(Signal signal, TextAnalysis analysis, JsonObject? contact, string? quadrant = null, JsonObject? controls = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);

        var contactData = contact?.DeepClone().AsObject() ?? [];
        if (!contactData.ContainsKey("id"))
        {
            contactData["id"] = signal.Actor.Id;
        }

        var data = new JsonObject
        {
            ["signal"] = new JsonObject
            {
                ["id"] = signal.Id,
                ["kind"] = signal.Kind,
                ["type"] = signal.Type,
                ["platform"] = signal.Platform,
                ["channel"] = signal.Channel,
                ["tenant"] = signal.Tenant,
                ["text"] = signal.Text,

                // UTC with a fixed layout, so that conditions can compare timestamps as strings.
                ["occurredAt"] = signal.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ["actor"] = new JsonObject
                {
                    ["id"] = signal.Actor.Id,
                    ["name"] = signal.Actor.Name,
                },
                ["attributes"] = new JsonObject(signal.Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
                ["quadrant"] = quadrant,
            },
            ["sentiment"] = new JsonObject
            {
                ["label"] = analysis.Label,
                ["positive"] = analysis.Scores.Positive,
                ["neutral"] = analysis.Scores.Neutral,
                ["negative"] = analysis.Scores.Negative,
            },
            ["topics"] = new JsonArray(analysis.Topics.Select(topic => (JsonNode?)topic).ToArray()),
            ["contact"] = contactData,
        };
        if (controls is not null)
        {
            data["controls"] = controls.DeepClone();
        }

        return data;
    }

    /// <summary>
    /// The same data as <see cref="Build"/> (followed by <see cref="EmotionData.AddTo"/> when
    /// <paramref name="emotion"/> is given), built straight into the evaluator's form: what the rule engine evaluates
    /// its tenant's rules against, without making a JsonObject and reading it back (several times cheaper).
    /// </summary>
    /// <param name="contact">What is known about the contact; when null, just <c>{"id": actor id}</c>.</param>
    /// <param name="emotion">When given, <c>emotion</c> and <c>room</c> are added as <see cref="EmotionData.AddTo"/> adds them.</param>
    /// <param name="controls">When given, the tenant's control lines as rules see them (<c>controls.concentration.douyin</c>…).</param>
    public static JsonLogicData BuildLogicData(
        Signal signal, TextAnalysis analysis, JsonObject? contact, EmotionSnapshot? emotion = null, string? quadrant = null, JsonObject? controls = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);

        var signalData = LogicDataBuilder.Object(Layout.Signal,
        [
            LogicDataBuilder.String(signal.Id),
            LogicDataBuilder.String(signal.Kind),
            LogicDataBuilder.String(signal.Type),
            LogicDataBuilder.String(signal.Platform),
            LogicDataBuilder.String(signal.Channel),
            LogicDataBuilder.String(signal.Tenant),
            LogicDataBuilder.String(signal.Text),
            LogicDataBuilder.String(signal.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            LogicDataBuilder.Object(Layout.Actor, [LogicDataBuilder.String(signal.Actor.Id), LogicDataBuilder.String(signal.Actor.Name)]),
            Attributes(signal.Attributes),
            LogicDataBuilder.String(quadrant),
        ]);
        var sentiment = LogicDataBuilder.Object(Layout.Sentiment,
        [
            LogicDataBuilder.String(analysis.Label),
            LogicDataBuilder.Number(analysis.Scores.Positive),
            LogicDataBuilder.Number(analysis.Scores.Neutral),
            LogicDataBuilder.Number(analysis.Scores.Negative),
        ]);
        var topics = LogicDataBuilder.Strings(analysis.Topics);
        var contactData = Contact(signal, contact);

        var root = (emotion, controls) switch
        {
            (null, null) => LogicDataBuilder.Object(Layout.Root, [signalData, sentiment, topics, contactData]),
            (null, { } c) => LogicDataBuilder.Object(Layout.RootWithControls, [signalData, sentiment, topics, contactData, LogicDataBuilder.FromNode(c)]),
            ({ } e, null) => LogicDataBuilder.Object(Layout.RootWithEmotion,
                [signalData, sentiment, topics, contactData, EmotionData.EmotionValue(e), EmotionData.RoomValue(e.Room)]),
            ({ } e, { } c) => LogicDataBuilder.Object(Layout.RootWithEmotionAndControls,
                [signalData, sentiment, topics, contactData, EmotionData.EmotionValue(e), EmotionData.RoomValue(e.Room), LogicDataBuilder.FromNode(c)]),
        };
        return LogicDataBuilder.Data(root);
    }

    private static JsVal Attributes(IReadOnlyDictionary<string, string> attributes)
    {
        var builder = new LogicObjectBuilder(attributes.Count);
        foreach (var (key, value) in attributes)
        {
            builder.Set(key, LogicDataBuilder.String(value));
        }

        return builder.Build();
    }

    private static JsVal Contact(Signal signal, JsonObject? contact)
    {
        if (contact is null || contact.Count == 0)
        {
            return LogicDataBuilder.Object(Layout.ContactId, [LogicDataBuilder.String(signal.Actor.Id)]);
        }

        var builder = new LogicObjectBuilder(contact.Count + 1);
        foreach (var (key, value) in contact)
        {
            builder.Set(key, LogicDataBuilder.FromNode(value));
        }

        if (!builder.ContainsKey("id"))
        {
            builder.Set("id", LogicDataBuilder.String(signal.Actor.Id));
        }

        return builder.Build();
    }

    // The fixed layouts of Build's objects, their shapes made once.
    private static class Layout
    {
        public static readonly ObjectShape Root = LogicDataBuilder.Shape("signal", "sentiment", "topics", "contact");
        public static readonly ObjectShape RootWithControls = LogicDataBuilder.Shape("signal", "sentiment", "topics", "contact", "controls");
        public static readonly ObjectShape RootWithEmotionAndControls =
            LogicDataBuilder.Shape("signal", "sentiment", "topics", "contact", EmotionData.EmotionKey, EmotionData.RoomKey, "controls");
        public static readonly ObjectShape RootWithEmotion =
            LogicDataBuilder.Shape("signal", "sentiment", "topics", "contact", EmotionData.EmotionKey, EmotionData.RoomKey);

        public static readonly ObjectShape Signal =
            LogicDataBuilder.Shape("id", "kind", "type", "platform", "channel", "tenant", "text", "occurredAt", "actor", "attributes", "quadrant");

        public static readonly ObjectShape Actor = LogicDataBuilder.Shape("id", "name");
        public static readonly ObjectShape Sentiment = LogicDataBuilder.Shape("label", "positive", "neutral", "negative");
        public static readonly ObjectShape ContactId = LogicDataBuilder.Shape("id");
    }
}
