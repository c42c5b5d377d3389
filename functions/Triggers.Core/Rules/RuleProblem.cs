namespace Triggers.Core.Rules;

/// <summary>Why a rule was left out: what is wrong, where in the rule, and how to fix it.</summary>
public sealed record RuleProblem(string Tenant, string RuleId, string Problem);
