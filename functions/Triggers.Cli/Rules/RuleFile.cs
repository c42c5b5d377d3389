using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Triggers.Core.Rules;

namespace Triggers.Cli.Rules;

/// <summary>
/// Reads rule entities from a file: a JSON array, one JSON object, or JSON lines. Each object is shaped like an
/// entity of table Rules: <c>PartitionKey</c> (or <c>tenant</c>), <c>RowKey</c> (or <c>id</c>), <c>Enabled</c>,
/// <c>Priority</c>, <c>When</c>, <c>Then</c>, <c>Cooldown</c>, <c>Description</c>. <c>When</c> and <c>Then</c>
/// may be JSON strings (as in the table) or the JSON itself.
/// </summary>
public static class RuleFile
{
    public static RuleFileContent Read(string path, string? defaultTenant = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), defaultTenant);
    }

    public static RuleFileContent Parse(string text, string? defaultTenant = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var definitions = new List<RuleDefinition>();
        var problems = new List<RuleProblem>();
        var tenant = string.IsNullOrWhiteSpace(defaultTenant) ? "default" : defaultTenant;
        foreach (var (where, node) in Items(text, problems, tenant))
        {
            if (node is not JsonObject obj)
            {
                problems.Add(new RuleProblem(tenant, where, "a rule must be a JSON object"));
                continue;
            }

            var ruleTenant = Text(obj, "PartitionKey", "tenant") ?? tenant;
            var id = Text(obj, "RowKey", "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new RuleProblem(ruleTenant, where, "RowKey (or id) is missing: every rule needs an id"));
                continue;
            }

            if (!TryBool(obj["Enabled"], out var enabled))
            {
                problems.Add(new RuleProblem(ruleTenant, id, $"Enabled is {obj["Enabled"]?.ToJsonString()}, not true or false"));
                continue;
            }

            if (!TryInt(obj["Priority"], out var priority))
            {
                problems.Add(new RuleProblem(ruleTenant, id, $"Priority is {obj["Priority"]?.ToJsonString()}, not a whole number"));
                continue;
            }

            definitions.Add(new RuleDefinition(
                ruleTenant, id, enabled, priority,
                Json(obj["When"]), Json(obj["Then"]), Text(obj, "Cooldown"), Text(obj, "Description"), Version: null));
        }

        return new RuleFileContent(definitions, problems);
    }

    private static IEnumerable<(string Where, JsonNode? Node)> Items(string text, List<RuleProblem> problems, string tenant)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('['))
        {
            JsonArray? array = null;
            try
            {
                array = JsonNode.Parse(trimmed) as JsonArray;
            }
            catch (JsonException ex)
            {
                problems.Add(new RuleProblem(tenant, "(file)", $"not valid JSON: {ex.Message}"));
            }

            return (array ?? []).Select((node, i) => ($"(item {i + 1})", node));
        }

        // One object (possibly over several lines), or JSON lines.
        try
        {
            if (JsonNode.Parse(trimmed) is JsonObject single)
            {
                return [("(item 1)", single)];
            }
        }
        catch (JsonException)
        {
            // Not one document: read it as JSON lines.
        }

        var items = new List<(string, JsonNode?)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                items.Add(($"(line {i + 1})", JsonNode.Parse(lines[i])));
            }
            catch (JsonException ex)
            {
                problems.Add(new RuleProblem(tenant, $"(line {i + 1})", $"not valid JSON: {ex.Message}"));
            }
        }

        return items;
    }

    private static string? Text(JsonObject obj, string name, string? alias = null)
    {
        var node = obj[name] ?? (alias is null ? null : obj[alias]);
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>A string stays as written; JSON given as JSON is turned into the string the table holds.</summary>
    private static string? Json(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool TryBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is null)
        {
            return true; // absent: off, as in the table
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValue<bool>();
            return true;
        }

        return node is JsonValue s && s.GetValueKind() == JsonValueKind.String && bool.TryParse(s.GetValue<string>().Trim(), out value);
    }

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        return node switch
        {
            null => true,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue(out value),
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                int.TryParse(v.GetValue<string>().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}

/// <summary>What a rule file holds: readable rules, and problems with entries that could not be read at all.</summary>
public sealed record RuleFileContent(IReadOnlyList<RuleDefinition> Definitions, IReadOnlyList<RuleProblem> Problems);
