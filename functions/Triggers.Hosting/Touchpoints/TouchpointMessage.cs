using System.Text.Json;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Touchpoints;

/// <summary>A touchpoint as JSON, for the dead-letter queue <c>touchpoints-poison</c>.</summary>
public static class TouchpointMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(Touchpoint touchpoint) => JsonSerializer.Serialize(touchpoint, Json);
}
