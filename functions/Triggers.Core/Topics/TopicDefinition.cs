namespace Triggers.Core.Topics;

/// <summary>One topic of one tenant, as operations staff keep it in table <c>Topics</c>.</summary>
/// <param name="Tenant">The tenant (the table's PartitionKey).</param>
/// <param name="Name">The topic name rules see in <c>topics</c> (the RowKey), e.g. range_anxiety.</param>
/// <param name="Keywords">Keywords and phrases, Chinese or English; matched case-insensitively, traditional characters folded.</param>
/// <param name="NegativeOnly">When true the topic counts only where the clause it sits in is negative.</param>
public sealed record TopicDefinition(string Tenant, string Name, IReadOnlyList<string> Keywords, bool NegativeOnly);
