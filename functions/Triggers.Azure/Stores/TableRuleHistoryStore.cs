using Azure;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>RuleHistory</c>: PartitionKey = <c>tenant|ruleId</c>, RowKey = the superseded version's time counted
/// down (newest first). A version is superseded once, so every writer (each app instance, the CLI) computes the
/// same key and the first one wins.
/// </summary>
public sealed class TableRuleHistoryStore(TableServiceClient tables) : IRuleHistoryStore
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.RuleHistory);

    public async Task AddAsync(IEnumerable<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            try
            {
                await _table.AddEntityAsync(ToEntity(entry), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == StorageStatus.Conflict)
            {
                // Already recorded by another instance or by the CLI.
            }
        }
    }

    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(string tenant, string ruleId, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(tenant, ruleId)}");
        var found = new List<HistoryEntry>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), null, cancellationToken))
        {
            found.Add(new HistoryEntry(
                e.GetString("Tenant") ?? tenant,
                e.GetString("RuleId") ?? ruleId,
                e.GetString("Change") ?? HistoryEntry.Changed,
                e.GetBoolean("Enabled") ?? false,
                e.GetInt32("Priority") ?? 0,
                e.GetString("When"),
                e.GetString("Then"),
                e.GetString("Cooldown"),
                e.GetString("Description"),
                e.GetString("Version"),
                e.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue,
                e.GetString("ChangedBy") ?? HistoryEntry.UnknownAuthor));
            if (found.Count >= limit)
            {
                break;
            }
        }

        return found;
    }

    internal static string PartitionKey(string tenant, string ruleId) => $"{tenant}|{ruleId}";

    internal static string RowKey(HistoryEntry entry) =>
        RowKeys.NewestFirst(HistoryVersions.TryParse(entry.Version, out var versionTime) ? versionTime : entry.ChangedAt, entry.Change);

    private static TableEntity ToEntity(HistoryEntry entry) => new(PartitionKey(entry.Tenant, entry.RuleId), RowKey(entry))
    {
        ["Tenant"] = entry.Tenant,
        ["RuleId"] = entry.RuleId,
        ["Change"] = entry.Change,
        ["Enabled"] = entry.Enabled,
        ["Priority"] = entry.Priority,
        ["When"] = entry.When,
        ["Then"] = entry.Then,
        ["Cooldown"] = entry.Cooldown,
        ["Description"] = entry.Description,
        ["Version"] = entry.Version,
        ["ChangedAt"] = entry.ChangedAt.ToUniversalTime(),
        ["ChangedBy"] = entry.ChangedBy,
    };
}
