using Triggers.Core.Rules;

namespace Triggers.Cli.Rules;

/// <summary>Validates rules as the platform would load them, disabled ones included (they may be enabled later).</summary>
public static class RuleValidation
{
    public static IReadOnlyList<RuleProblem> Validate(RuleFileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var compiled = RuleSet.Compile(content.Definitions.Select(d => d with { Enabled = true }));
        return [.. content.Problems, .. compiled.Problems];
    }

    public static string Describe(RuleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.Tenant}/{problem.RuleId}: {problem.Problem}";
    }
}
