using System.Globalization;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Azure.Stores;

/// <summary>
/// Reads table <c>Rules</c> (PartitionKey = tenant, RowKey = rule id). Staff edit it by hand, so property
/// types are read leniently (a Priority typed as a string still counts) and anything unreadable is a problem
/// for that rule alone.
/// </summary>
public sealed class TableRuleSource(TableServiceClient tables) : IRuleSource
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Rules);

    public async Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var definitions = new List<RuleDefinition>();
        var problems = new List<RuleProblem>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter: (string?)null, 1000, null, cancellationToken))
        {
            if (TryRead(entity, out var definition, out var problem))
            {
                definitions.Add(definition);
            }
            else
            {
                problems.Add(problem);
            }
        }

        return new RuleSourceSnapshot(definitions, problems);
    }

    internal static bool TryRead(TableEntity e, out RuleDefinition definition, out RuleProblem problem)
    {
        definition = null!;
        problem = null!;
        if (!TryBool(e, "Enabled", out var enabled))
        {
            problem = new RuleProblem(e.PartitionKey, e.RowKey, $"Enabled is '{e["Enabled"]}', not a boolean: set it to true or false (type Boolean).");
            return false;
        }

        if (!TryInt(e, "Priority", out var priority))
        {
            problem = new RuleProblem(e.PartitionKey, e.RowKey, $"Priority is '{e["Priority"]}', not a whole number: set an Int32 such as 100 (higher runs first).");
            return false;
        }

        definition = new RuleDefinition(
            e.PartitionKey,
            e.RowKey,
            enabled,
            priority,
            Text(e, "When"),
            Text(e, "Then"),
            Text(e, "Cooldown"),
            Text(e, "Description"),
            // The last-modified time reads better than an ETag as the version staff see in a touchpoint's "why".
            e.Timestamp?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? e.ETag.ToString(),
            Text(e, "ChangedBy"));
        return true;
    }

    private static string? Text(TableEntity e, string name) =>
        e.TryGetValue(name, out var value) ? value?.ToString() : null;

    private static bool TryBool(TableEntity e, string name, out bool value)
    {
        value = false;
        if (!e.TryGetValue(name, out var raw) || raw is null)
        {
            return true; // absent: a rule is off until someone enables it
        }

        switch (raw)
        {
            case bool b:
                value = b;
                return true;
            case string s:
                return bool.TryParse(s.Trim(), out value);
            default:
                return false;
        }
    }

    private static bool TryInt(TableEntity e, string name, out int value)
    {
        value = 0;
        if (!e.TryGetValue(name, out var raw) || raw is null)
        {
            return true;
        }

        switch (raw)
        {
            case int i:
                value = i;
                return true;
            case long l when l is >= int.MinValue and <= int.MaxValue:
                value = (int)l;
                return true;
            case double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue:
                value = (int)d;
                return true;
            case string s:
                return int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }
}
