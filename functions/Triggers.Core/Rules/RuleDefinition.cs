namespace Triggers.Core.Rules;

/// <summary>A rule exactly as it sits in table Rules (PartitionKey = tenant, RowKey = id), before any validation.</summary>
/// <param name="When">JsonLogic as JSON text.</param>
/// <param name="Then">A JSON array of actions as text.</param>
/// <param name="Cooldown">An ISO-8601 duration such as PT10M, or empty for none.</param>
/// <param name="ChangedBy">Who last changed the entity, when staff or the CLI set it (property <c>ChangedBy</c>).</param>
public sealed record RuleDefinition(
    string Tenant,
    string Id,
    bool Enabled,
    int Priority,
    string? When,
    string? Then,
    string? Cooldown,
    string? Description,
    string? Version,
    string? ChangedBy = null);
