using System.Text.Json.Nodes;

namespace Triggers.Core.Topics;

/// <summary>
/// The topics a tenant gets while it has no rows in table <c>Topics</c> (listed in docs/topics.md). A keyword
/// may serve two topics: 充电 is both range_anxiety and charging.
/// </summary>
public static class DefaultTopics
{
    public const string RangeAnxiety = "range_anxiety";
    public const string Charging = "charging";
    public const string Price = "price";
    public const string Quality = "quality";
    public const string Service = "service";
    public const string Delivery = "delivery";
    public const string Design = "design";
    public const string AfterSales = "after_sales";

    private const string ResourceName = "Triggers.Core.Topics.default-topics.json";

    // Data, not code: the lexicon is the embedded default-topics.json, read once.
    private static readonly Lazy<(string Name, string[] Keywords)[]> Lexicon = new(LoadEmbedded);

    /// <summary>The default topics, none NegativeOnly, stamped with the tenant.</summary>
    public static IReadOnlyList<TopicDefinition> For(string tenant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return Array.ConvertAll(Lexicon.Value, topic => new TopicDefinition(tenant, topic.Name, topic.Keywords, NegativeOnly: false));
    }

    private static (string Name, string[] Keywords)[] LoadEmbedded()
    {
        using var stream = typeof(DefaultTopics).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from Triggers.Core");
        var topics = JsonNode.Parse(stream)?["topics"]?.AsArray()
            ?? throw new InvalidOperationException($"{ResourceName} has no \"topics\" array");
        return [.. topics.Select(t => (
            t!["name"]!.GetValue<string>(),
            t["keywords"]!.AsArray().Select(k => k!.GetValue<string>()).ToArray()))];
    }
}
