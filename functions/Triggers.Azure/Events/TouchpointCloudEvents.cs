using System.Text.Json;
using Azure.Messaging;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Events;

/// <summary>A touchpoint event in the CloudEvents 1.0 JSON format (structured mode), as both publishers send it.</summary>
public static class TouchpointCloudEvents
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static CloudEvent ToCloudEvent(TouchpointEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CloudEvent(TouchpointEvent.Source, e.Type, BinaryData.FromObjectAsJson(e.Data, DataJson), "application/json")
        {
            Id = e.Id,
            Time = e.Time,
            Subject = e.Subject,
        };
    }

    /// <summary>The event as the JSON text of one message.</summary>
    public static string Serialize(TouchpointEvent e) => JsonSerializer.Serialize(ToCloudEvent(e));
}
