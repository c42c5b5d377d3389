using Triggers.Core.Rules;

namespace Triggers.Core.Processing;

/// <summary>Where operations staff keep their rules (table <c>Rules</c>).</summary>
public interface IRuleSource
{
    /// <summary>All rule entities; entities whose shape is already wrong (a non-boolean Enabled…) come back as problems.</summary>
    Task<RuleSourceSnapshot> LoadAsync(CancellationToken cancellationToken);
}

public sealed record RuleSourceSnapshot(IReadOnlyList<RuleDefinition> Definitions, IReadOnlyList<RuleProblem> Problems);
