using System.Text;
using System.Text.Json.Nodes;
using Triggers.Core.Envelopes;

namespace Triggers.Core.Tests.Envelopes;

internal static class EnvelopeSamples
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 3, 2, 5, 0, TimeSpan.Zero);

    public static readonly EnvelopeContext Context = new("crm", "generic", "acme", ReceivedAt);

    public const string Minimal =
        """{"id":"evt-1","kind":"message","actor":{"id":"cust-42"},"text":"hello","occurredAt":"2026-11-03T10:04:05+08:00"}""";

    /// <summary>The minimal object with <paramref name="name"/> set to <paramref name="valueJson"/> (JSON text).</summary>
    public static string With(string name, string valueJson)
    {
        var node = JsonNode.Parse(Minimal)!.AsObject();
        node[name] = JsonNode.Parse(valueJson);
        return node.ToJsonString();
    }

    public static string Without(string name)
    {
        var node = JsonNode.Parse(Minimal)!.AsObject();
        Assert.True(node.Remove(name));
        return node.ToJsonString();
    }

    public static string Item(int index) =>
        With("id", $"\"evt-{index}\"");

    public static string Array(params string[] items) => "[" + string.Join(",", items) + "]";

    public static EnvelopeResult Parse(string json) => SignalEnvelope.Parse(Encoding.UTF8.GetBytes(json), Context);

    public static EnvelopeError SingleError(string json)
    {
        var result = Parse(json);
        Assert.False(result.IsValid);
        Assert.Empty(result.Signals);
        return Assert.Single(result.Errors);
    }
}
