using Azure.Data.Tables;
using Triggers.Core.Topics;

namespace Triggers.Azure.Stores;

/// <summary>
/// Reads table <c>Topics</c> (PartitionKey = tenant, RowKey = topic name; <c>Keywords</c>, <c>NegativeOnly</c>,
/// <c>Enabled</c>, <c>Description</c>). Staff edit it by hand, so types are read leniently ("true" as a string
/// counts) and an unreadable row is a problem naming the row and the field, never an exception.
/// </summary>
public sealed class TableTopicSource(TableServiceClient tables) : ITopicSource
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Topics);

    public async Task<TopicSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var definitions = new List<TopicDefinition>();
        var problems = new List<TopicProblem>();
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter: (string?)null, 1000, null, cancellationToken))
        {
            tenants.Add(entity.PartitionKey);
            var definition = Read(entity, out var problem);
            if (definition is not null)
            {
                definitions.Add(definition);
            }
            else if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return new TopicSourceSnapshot(definitions, problems, tenants);
    }

    /// <summary>The topic, or null with no problem when it is disabled, or null with the problem when it is unreadable.</summary>
    internal static TopicDefinition? Read(TableEntity e, out TopicProblem? problem)
    {
        problem = null;
        if (!TryBool(e, "Enabled", defaultValue: true, out var enabled))
        {
            problem = Problem(e, $"Enabled is '{e["Enabled"]}', not a boolean: set it to true or false (type Boolean), or delete it (a topic is on by default).");
            return null;
        }

        if (!enabled)
        {
            return null;
        }

        if (TopicNames.Check(e.RowKey) is { } badName)
        {
            problem = Problem(e, $"RowKey: {badName}.");
            return null;
        }

        if (!TryBool(e, "NegativeOnly", defaultValue: false, out var negativeOnly))
        {
            problem = Problem(e, $"NegativeOnly is '{e["NegativeOnly"]}', not a boolean: set it to true or false (type Boolean), or delete it (false by default).");
            return null;
        }

        if (!e.TryGetValue("Keywords", out var raw) || raw is not (string or null))
        {
            problem = Problem(e, raw is null
                ? "Keywords is missing: add a String property Keywords such as 续航,里程,range."
                : $"Keywords is a {raw.GetType().Name}, not text: make it a String such as 续航,里程,range.");
            return null;
        }

        if (!TopicKeywords.TryParse(raw as string, out var keywords, out var error))
        {
            problem = Problem(e, $"Keywords: {error}.");
            return null;
        }

        if (keywords.Count == 0)
        {
            problem = Problem(e, "Keywords is empty: list at least one keyword, separated by commas, 、 or new lines, or as a JSON array.");
            return null;
        }

        return new TopicDefinition(e.PartitionKey, e.RowKey, keywords, negativeOnly);
    }

    private static TopicProblem Problem(TableEntity e, string message) => new(e.PartitionKey, e.RowKey, message);

    private static bool TryBool(TableEntity e, string name, bool defaultValue, out bool value)
    {
        var readable = Triggers.Core.StaffTables.StaffCells.TryBool(e.TryGetValue(name, out var raw) ? raw : null, out var flag);
        value = flag ?? defaultValue;
        return readable;
    }
}
