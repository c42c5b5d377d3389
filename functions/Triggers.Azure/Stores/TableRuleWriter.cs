using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Azure.Stores;

/// <summary>
/// Reads and replaces a tenant's rules in table <c>Rules</c> for the CLI. An import is one entity group
/// transaction per tenant: all of the tenant's rules are written, or none are. Replaced versions go to
/// <c>RuleHistory</c> with the same keys the app uses, so the change is recorded once.
/// </summary>
public sealed class TableRuleWriter(TableServiceClient tables, IRuleHistoryStore history, TimeProvider time)
{
    /// <summary>An entity group transaction holds at most 100 operations.</summary>
    public const int MaxRulesPerTenant = 100;

    private readonly TableClient _table = tables.GetTableClient(TableNames.Rules);

    /// <summary>
    /// Creates tables <c>Rules</c> and <c>RuleHistory</c> where they do not exist yet, so rules can be imported into a
    /// storage account the app has never started on (the app creates every table when it starts).
    /// </summary>
    public async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        await tables.GetTableClient(TableNames.RuleHistory).CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>The rules of <paramref name="tenant"/> (all tenants when null), tenant then id order; unreadable entities as problems.</summary>
    public async Task<RuleSourceSnapshot> ReadAsync(string? tenant, CancellationToken cancellationToken)
    {
        var filter = tenant is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {tenant}");
        var definitions = new List<RuleDefinition>();
        var problems = new List<RuleProblem>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, null, cancellationToken))
        {
            if (TableRuleSource.TryRead(entity, out var definition, out var problem))
            {
                definitions.Add(definition);
            }
            else
            {
                problems.Add(problem);
            }
        }

        return new RuleSourceSnapshot(definitions, problems);
    }

    /// <summary>
    /// Writes <paramref name="rules"/> (all of one tenant) atomically, each with <c>ChangedBy</c> =
    /// <paramref name="changedBy"/>. Rules of the tenant not in the list are left as they are. Fails as a whole if
    /// someone changed one of the replaced rules meanwhile.
    /// </summary>
    /// <returns>How many rules were added and replaced; identical rules are not rewritten.</returns>
    public async Task<RuleImportResult> ImportTenantAsync(string tenant, IReadOnlyList<RuleDefinition> rules, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Any(r => !string.Equals(r.Tenant, tenant, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Every rule must belong to tenant '{tenant}'.", nameof(rules));
        }

        if (rules.Count > MaxRulesPerTenant)
        {
            throw new InvalidOperationException(
                $"Tenant '{tenant}' has {rules.Count} rules in the file; one all-or-nothing import holds at most {MaxRulesPerTenant}. Split the tenant's rules or merge some.");
        }

        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}"), 1000, null, cancellationToken))
        {
            existing[entity.RowKey] = entity;
        }

        var actions = new List<TableTransactionAction>();
        var replaced = new List<HistoryEntry>();
        var now = time.GetUtcNow();
        foreach (var rule in rules)
        {
            var entity = ToEntity(rule, changedBy);
            if (!existing.TryGetValue(rule.Id, out var current))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                continue;
            }

            if (!TableRuleSource.TryRead(current, out var before, out _))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag));
                continue;
            }

            if (SameContent(before, rule))
            {
                continue;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag));
            replaced.Add(HistoryEntry.Of(before, rule with { ChangedBy = changedBy }, now));
        }

        if (actions.Count > 0)
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }

        // After the transaction: a crash here loses nothing, because the app records the same versions on its next load.
        await history.AddAsync(replaced, cancellationToken);
        var added = actions.Count(a => a.ActionType == TableTransactionActionType.Add);
        return new RuleImportResult(tenant, added, actions.Count - added, rules.Count - actions.Count);
    }

    /// <summary>
    /// Writes one rule as staff editing the table would (the same properties, <c>ChangedBy</c> set), and records the
    /// version it replaces in <c>RuleHistory</c>. With <paramref name="expectedVersion"/> (the <c>Version</c> the editor
    /// read), a rule someone else changed since is not overwritten: the answer is <see cref="RuleSave.Conflict"/>.
    /// </summary>
    public async Task<(RuleSave Outcome, RuleDefinition? Saved)> SaveAsync(RuleDefinition rule, string changedBy, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var current = await _table.GetOrNullAsync(rule.Tenant, rule.Id, null, cancellationToken);
        RuleDefinition? before = null;
        if (current is not null && TableRuleSource.TryRead(current, out var read, out _))
        {
            before = read;
        }

        if (expectedVersion is not null && (current is null ? expectedVersion.Length > 0 : before?.Version != expectedVersion))
        {
            return (RuleSave.Conflict, before);
        }

        if (before is not null && SameContent(before, rule))
        {
            return (RuleSave.Unchanged, before);
        }

        var entity = ToEntity(rule, changedBy);
        try
        {
            if (current is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (global::Azure.RequestFailedException ex) when (ex.Status is StorageStatus.Conflict or StorageStatus.PreconditionFailed)
        {
            return (RuleSave.Conflict, before);
        }

        if (before is not null)
        {
            await history.AddAsync([HistoryEntry.Of(before, rule with { ChangedBy = changedBy }, time.GetUtcNow())], cancellationToken);
        }

        var saved = await _table.GetOrNullAsync(rule.Tenant, rule.Id, null, cancellationToken);
        return (current is null ? RuleSave.Added : RuleSave.Replaced, saved is not null && TableRuleSource.TryRead(saved, out var after, out _) ? after : rule);
    }

    private static bool SameContent(RuleDefinition a, RuleDefinition b) =>
        a.Enabled == b.Enabled && a.Priority == b.Priority
        && string.Equals(a.When, b.When, StringComparison.Ordinal) && string.Equals(a.Then, b.Then, StringComparison.Ordinal)
        && string.Equals(a.Cooldown ?? string.Empty, b.Cooldown ?? string.Empty, StringComparison.Ordinal)
        && string.Equals(a.Description ?? string.Empty, b.Description ?? string.Empty, StringComparison.Ordinal);

    private static TableEntity ToEntity(RuleDefinition rule, string changedBy)
    {
        var entity = new TableEntity(rule.Tenant, rule.Id)
        {
            ["Enabled"] = rule.Enabled,
            ["Priority"] = rule.Priority,
            ["ChangedBy"] = changedBy,
        };
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("When", rule.When), ("Then", rule.Then), ("Cooldown", rule.Cooldown), ("Description", rule.Description)])
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }

        return entity;
    }
}

/// <summary>What one tenant's import did.</summary>
public sealed record RuleImportResult(string Tenant, int Added, int Replaced, int Unchanged);

/// <summary>What saving one rule did.</summary>
public enum RuleSave
{
    Added,
    Replaced,
    Unchanged,

    /// <summary>Someone changed the rule since the editor read it (or added it meanwhile): nothing was written.</summary>
    Conflict,
}
