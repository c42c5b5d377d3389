using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Decisions;

/// <summary>What one matching rule did with a signal.</summary>
/// <param name="Rule">The rule whose condition matched.</param>
/// <param name="CooledDown">True when the rule was in its cooldown for the contact, so it planned nothing.</param>
/// <param name="Touchpoints">One per action, as the guardrails left it (planned, deferred, blocked or cancelled).</param>
public sealed record RuleDecision(CompiledRule Rule, bool CooledDown, IReadOnlyList<Touchpoint> Touchpoints);
