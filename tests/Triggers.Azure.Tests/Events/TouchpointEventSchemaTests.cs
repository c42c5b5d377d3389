using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Triggers.Azure.Events;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Events;

/// <summary>docs/schemas/touchpoint-event.schema.json and docs/events.md agree with the events the code publishes.</summary>
public sealed class TouchpointEventSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryPaths.Root, "docs", "schemas", "touchpoint-event.schema.json");

    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    public static TheoryData<string, string> Outcomes() => new()
    {
        { TouchpointEventTypes.Planned, TouchpointStatus.Planned },
        { TouchpointEventTypes.Sent, TouchpointStatus.Sent },
        { TouchpointEventTypes.HandedOff, TouchpointStatus.Sent },
        { TouchpointEventTypes.Blocked, TouchpointStatus.Blocked },
        { TouchpointEventTypes.Cancelled, TouchpointStatus.Cancelled },
        { TouchpointEventTypes.Failed, TouchpointStatus.Failed },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Every_event_type_as_published_is_valid_against_the_documented_schema(string type, string status)
    {
        var touchpoint = EventSamples.Touchpoint(status, type == TouchpointEventTypes.HandedOff ? "handoff" : "message");
        var json = TouchpointCloudEvents.Serialize(TouchpointEvent.From(touchpoint, type, EventSamples.T0));

        var result = Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, $"{type} does not match {SchemaPath}: {JsonSerializer.Serialize(result)}\n{json}");
    }

    [Fact]
    public void The_schema_rejects_an_event_with_an_unknown_type_or_a_data_field_it_does_not_document()
    {
        var json = JsonNode.Parse(TouchpointCloudEvents.Serialize(EventSamples.Event(TouchpointEventTypes.Sent)))!;
        var unknownType = json.DeepClone();
        unknownType["type"] = "triggers.touchpoint.exploded";
        var extraField = json.DeepClone();
        extraField["data"]!["secret"] = "x";

        Assert.False(Schema.Evaluate(JsonDocument.Parse(unknownType.ToJsonString()).RootElement).IsValid);
        Assert.False(Schema.Evaluate(JsonDocument.Parse(extraField.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void The_schema_and_the_event_docs_list_exactly_the_event_types_the_code_publishes()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var documented = schema["properties"]!["type"]!["enum"]!.AsArray().Select(t => (string)t!);
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "events.md"));

        Assert.Equal(TouchpointEventTypes.All.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.All(TouchpointEventTypes.All, t => Assert.Contains($"`{t}`", docs, StringComparison.Ordinal));
    }
}
