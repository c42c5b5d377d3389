using Triggers.Core.JsonLogic;
using Logic = Triggers.Core.JsonLogic.JsonLogic;

namespace Triggers.Core.Rules;

/// <summary>Validates one rule definition completely, collecting every problem so one edit can fix them all.</summary>
internal static class RuleCompiler
{
    private const string ConditionExample = """{"==": [{"var": "signal.kind"}, "message"]}""";

    public static CompiledRule? Compile(RuleDefinition definition, Func<string, bool>? isKnownChannel, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrEmpty(definition.Tenant))
        {
            problems.Add("Tenant (PartitionKey) is empty: set it to the tenant the rule belongs to");
        }

        if (string.IsNullOrEmpty(definition.Id))
        {
            problems.Add("Id (RowKey) is empty: give the rule a name");
        }

        var condition = CompileCondition(definition.When, problems);
        var actions = ActionParser.Parse(definition.Then, isKnownChannel, problems);
        var cooldown = ParseCooldown(definition.Cooldown, problems);

        if (problems.Count > before || condition is null)
        {
            return null;
        }

        return new CompiledRule(
            definition.Tenant,
            definition.Id,
            definition.Version,
            definition.Priority,
            definition.Description,
            condition,
            actions,
            cooldown)
        {
            When = definition.When ?? string.Empty,
        };
    }

    internal static JsonLogicExpression? CompileCondition(string? when, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(when))
        {
            problems.Add($"When is empty: write the condition as JsonLogic, for example {ConditionExample}, or true to match every signal");
            return null;
        }

        if (!JsonText.TryParse(when, out var logic, out var error))
        {
            problems.Add($"When is not valid JSON {error}");
            return null;
        }

        try
        {
            return Logic.Compile(logic);
        }
        catch (JsonLogicException e)
        {
            problems.Add($"When: {e.Message}");
            return null;
        }
    }

    private static TimeSpan? ParseCooldown(string? cooldown, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(cooldown))
        {
            return null;
        }

        if (!IsoDuration.TryParse(cooldown, out var value))
        {
            problems.Add($"Cooldown \"{cooldown}\" is not an ISO-8601 duration: write it like {IsoDuration.Examples}, or leave it empty for no cooldown");
            return null;
        }

        if (value < TimeSpan.Zero)
        {
            problems.Add($"Cooldown \"{cooldown}\" is negative: use a positive duration, or leave it empty for no cooldown");
            return null;
        }

        return value;
    }
}
