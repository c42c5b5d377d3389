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
        // Json: the data is written as a JSON value under "data", not as "data_base64".
        return new CloudEvent(TouchpointEvent.Source, e.Type, BinaryData.FromObjectAsJson(e.Data, DataJson), "application/json", CloudEventDataFormat.Json)
        {
            Id = e.Id,
            Time = e.Time,
            Subject = e.Subject,
        };
    }

    /// <summary>The event as the JSON text of one message.</summary>
    public static string Serialize(TouchpointEvent e) => JsonSerializer.Serialize(ToCloudEvent(e));
}
