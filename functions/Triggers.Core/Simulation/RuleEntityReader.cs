using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Rules;

namespace Triggers.Core.Simulation;

/// <summary>
/// Reads draft rules sent as JSON objects shaped like entities of table Rules (<c>PartitionKey</c> or
/// <c>tenant</c>, <c>RowKey</c> or <c>id</c>, <c>Enabled</c>, <c>Priority</c>, <c>When</c>, <c>Then</c>,
/// <c>Cooldown</c>, <c>Description</c>); <c>When</c> and <c>Then</c> may be strings or the JSON itself.
/// An entry that cannot be read becomes a problem named after its position.
/// </summary>
public static class RuleEntityReader
{
    public static (IReadOnlyList<RuleDefinition> Definitions, IReadOnlyList<RuleProblem> Problems) Read(JsonArray entities, string tenant)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        var definitions = new List<RuleDefinition>();
        var problems = new List<RuleProblem>();
        for (var i = 0; i < entities.Count; i++)
        {
            var where = $"(rules[{i}])";
            if (entities[i] is not JsonObject obj)
            {
                problems.Add(new RuleProblem(tenant, where, "a rule must be a JSON object"));
                continue;
            }

            var id = Text(obj["RowKey"] ?? obj["id"]);
            var enabled = obj["Enabled"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new RuleProblem(tenant, where, "RowKey (or id) is missing: every rule needs an id"));
            }
            else if (!TryPriority(obj["Priority"], out var priority))
            {
                problems.Add(new RuleProblem(tenant, id, $"Priority is {obj["Priority"]?.ToJsonString()}, not a whole number"));
            }
            else
            {
                definitions.Add(new RuleDefinition(
                    Text(obj["PartitionKey"] ?? obj["tenant"]) ?? tenant, id, enabled, priority,
                    Text(obj["When"]), Text(obj["Then"]), Text(obj["Cooldown"]), Text(obj["Description"]), Version: "draft"));
            }
        }

        return (definitions, problems);
    }

    /// <summary>A string stays as written; JSON given as JSON becomes the string the table would hold.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool TryPriority(JsonNode? node, out int value)
    {
        value = 0;
        return node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value));
    }
}
