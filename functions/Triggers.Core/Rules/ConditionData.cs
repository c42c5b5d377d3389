using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Core.Analysis;
using Triggers.Core.Signals;

namespace Triggers.Core.Rules;

/// <summary>The data a rule condition sees (ARCHITECTURE.md): signal, sentiment, topics and contact.</summary>
public static class ConditionData
{
    /// <param name="contact">What is known about the contact; when null, just <c>{"id": actor id}</c>.</param>
    public static JsonObject Build(Signal signal, TextAnalysis analysis, JsonObject? contact)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);

        var contactData = contact?.DeepClone().AsObject() ?? [];
        if (!contactData.ContainsKey("id"))
        {
            contactData["id"] = signal.Actor.Id;
        }

        return new JsonObject
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
    }
}
