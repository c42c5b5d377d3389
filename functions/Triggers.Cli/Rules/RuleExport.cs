using System.Text.Json.Nodes;
using Triggers.Core.Rules;

namespace Triggers.Cli.Rules;

/// <summary>Writes rules as JSON lines of table entities, the shape <c>rules import</c> and <c>rules validate</c> read.</summary>
public static class RuleExport
{
    public static async Task WriteAsync(TextWriter output, IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules.OrderBy(r => r.Tenant, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var line = new JsonObject
            {
                ["PartitionKey"] = rule.Tenant,
                ["RowKey"] = rule.Id,
                ["Enabled"] = rule.Enabled,
                ["Priority"] = rule.Priority,
                ["When"] = rule.When,
                ["Then"] = rule.Then,
                ["Cooldown"] = rule.Cooldown,
                ["Description"] = rule.Description,
            };
            await output.WriteLineAsync(line.ToJsonString());
        }
    }
}
