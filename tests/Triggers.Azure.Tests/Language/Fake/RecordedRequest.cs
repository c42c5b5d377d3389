using System.Text.Json.Nodes;

namespace Triggers.Azure.Tests.Language.Fake;

/// <summary>One request as the stand-in received it.</summary>
internal sealed record RecordedRequest(
    string Method, string Path, string? ApiVersion, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, int BodyBytes)
{
    public JsonArray Documents => Body?["analysisInput"]?["documents"]?.AsArray() ?? [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
