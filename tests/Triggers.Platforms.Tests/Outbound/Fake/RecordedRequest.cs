using System.Text;
using System.Text.Json.Nodes;

namespace Triggers.Platforms.Tests.Outbound.Fake;

/// <summary>One request as the stand-in received it: the raw body bytes too, because signatures cover them.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    JsonNode? Json)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
