using System.Text.Json.Nodes;
using Triggers.Core.JsonLogic;

namespace Triggers.Core.Rules;

/// <summary>A valid, enabled rule, ready to match condition data (see <see cref="ConditionData"/>).</summary>
public sealed class CompiledRule
{
    public CompiledRule(
        string tenant,
        string id,
        string? version,
        int priority,
        string? description,
        JsonLogicExpression condition,
        IReadOnlyList<RuleAction> actions,
        TimeSpan? cooldown)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(actions);
        Tenant = tenant;
        Id = id;
        Version = version;
        Priority = priority;
        Description = description;
        Condition = condition;
        Actions = actions;
        Cooldown = cooldown;
    }

    public string Tenant { get; }

    public string Id { get; }

    public string? Version { get; }

    public int Priority { get; }

    public string? Description { get; }

    public JsonLogicExpression Condition { get; }

    /// <summary>The condition as written (column When).</summary>
    public string When { get; init; } = string.Empty;

    public IReadOnlyList<RuleAction> Actions { get; }

    /// <summary>How long after firing for a contact the rule stays quiet for that contact; null for no cooldown.</summary>
    public TimeSpan? Cooldown { get; }

    public bool Matches(JsonNode data) => Condition.IsSatisfiedBy(data);

    /// <summary>Matches prepared data: use one <see cref="JsonLogicData"/> per signal for all of its tenant's rules.</summary>
    public bool Matches(JsonLogicData data) => data.Satisfies(Condition);
}
