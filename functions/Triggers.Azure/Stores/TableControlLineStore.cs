using System.Text.Json;
using Azure.Data.Tables;
using Triggers.Core.Portfolio;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>ControlLines</c>: PartitionKey = tenant (escaped). RowKey <c>r|{newest first}</c>: each computation's result
/// as JSON (<c>Result</c>), so the history reads newest first; RowKey <c>latest</c>: the last one.
/// </summary>
public sealed class TableControlLineStore(TableServiceClient tables)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table = tables.GetTableClient(TableNames.ControlLines);

    public async Task SaveAsync(ControlLineResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var partition = KeyParts.Escape(result.Tenant);
        var json = JsonSerializer.Serialize(result, Json);
        await _table.UpsertEntityAsync(new TableEntity(partition, "r|" + RowKeys.NewestFirst(result.ComputedAt, "lines")) { ["Result"] = json }, TableUpdateMode.Replace, cancellationToken);
        await _table.UpsertEntityAsync(new TableEntity(partition, "latest") { ["Result"] = json }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The lines crossed at the last computation (<c>ControlLineAlerts.KeyOf</c>), kept in RowKey <c>crossed</c>.</summary>
    /// <summary>
    /// The lines crossed at the last computation, and the version of that record (its ETag; <c>none</c> before the first):
    /// alerts raised from the same record carry the same ids, so computations that overlap, or one re-run after a crash
    /// before the record was saved, raise each alert once.
    /// </summary>
    public async Task<(IReadOnlySet<string> Keys, string Version)> CrossedAsync(string tenant, CancellationToken cancellationToken)
    {
        var row = await _table.GetOrNullAsync(KeyParts.Escape(tenant), "crossed", ["Keys"], cancellationToken);
        var keys = row?.GetString("Keys") is { Length: > 0 } text ? text.Split('\n').ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        return (keys, row?.ETag.ToString() ?? "none");
    }

    public Task SaveCrossedAsync(string tenant, IReadOnlySet<string> crossed, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(KeyParts.Escape(tenant), "crossed") { ["Keys"] = string.Join('\n', crossed.Order(StringComparer.Ordinal)) }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> LatestJsonAsync(string tenant, CancellationToken cancellationToken) =>
        (await _table.GetOrNullAsync(KeyParts.Escape(tenant), "latest", ["Result"], cancellationToken))?.GetString("Result");

    /// <summary>The tenant's earlier results as stored JSON, newest first.</summary>
    public async Task<IReadOnlyList<string>> HistoryJsonAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        var partition = KeyParts.Escape(tenant);
        var history = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>(x => x.PartitionKey == partition && x.RowKey.CompareTo("r|") >= 0 && x.RowKey.CompareTo("r}") < 0, Math.Min(limit, 1000), ["Result"], cancellationToken))
        {
            history.Add(e.GetString("Result") ?? "{}");
            if (history.Count >= limit)
            {
                break;
            }
        }

        return history;
    }
}
