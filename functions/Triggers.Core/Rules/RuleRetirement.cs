using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Rules;

/// <summary>
/// What happens to planned touchpoints when their rule goes: a rule disabled or deleted in table Rules cancels its
/// still-planned touchpoints; a rule edited (or broken by an edit) leaves them as planned (docs/rules.md).
/// </summary>
public static class RuleRetirement
{
    public const string DisabledReason = "rule disabled";
    public const string DeletedReason = "rule deleted";

    /// <summary>The rules that stand in a load of table Rules: enabled ones, valid or not (a broken rule may be fixed).</summary>
    public static IReadOnlySet<(string Tenant, string RuleId)> Standing(RuleSourceSnapshot loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Definitions.Where(d => d.Enabled).Select(d => (d.Tenant, d.Id))
            .Concat(loaded.Problems.Select(p => (p.Tenant, p.RuleId)))
            .ToHashSet();
    }

    /// <summary>True when a rule that stood before no longer does, so planned touchpoints need a look.</summary>
    public static bool AnyGone(IReadOnlySet<(string Tenant, string RuleId)>? before, IReadOnlySet<(string Tenant, string RuleId)> now) =>
        before is null || before.Any(rule => !now.Contains(rule));

    /// <summary>Why a planned touchpoint's rule no longer stands, or null when it does.</summary>
    public static string? ReasonToCancel(Touchpoint touchpoint, RuleSourceSnapshot loaded)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(loaded);
        if (touchpoint.Status != TouchpointStatus.Planned)
        {
            return null;
        }

        var definition = loaded.Definitions.FirstOrDefault(d => d.Tenant == touchpoint.Tenant && d.Id == touchpoint.RuleId);
        if (definition is not null)
        {
            return definition.Enabled ? null : DisabledReason;
        }

        return loaded.Problems.Any(p => p.Tenant == touchpoint.Tenant && p.RuleId == touchpoint.RuleId) ? null : DeletedReason;
    }

    public static Touchpoint Cancel(Touchpoint touchpoint, string reason)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return touchpoint with { Status = TouchpointStatus.Cancelled, StatusReason = reason, LeaseUntil = null };
    }
}
