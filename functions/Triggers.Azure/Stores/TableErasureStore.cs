using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Triggers.Core.Erasure;

namespace Triggers.Azure.Stores;

/// <summary>
/// Table <c>Erasures</c>, PartitionKey = tenant. RowKey <c>m|{mark}</c>: an erased account, as a hash only
/// (<see cref="ErasureMarks"/>), with <c>ErasedAt</c>. RowKey <c>r|{newest first}</c>: one erasure's record (when, by
/// whom, how many accounts and rows per table, the ledger totals), never naming the person.
/// </summary>
public sealed class TableErasureStore(TableServiceClient tables) : IErasureStore
{
    private const string MarkPrefix = "m|";
    private const string RecordPrefix = "r|";

    private readonly TableClient _table = tables.GetTableClient(TableNames.Erasures);

    public async Task MarkAsync(string tenant, string mark, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Marks only move later, and two erasures of one account at once both end marked: the later time wins.
        var earlier = await ErasedAtAsync(tenant, mark, cancellationToken);
        if (earlier is null || earlier < at)
        {
            await _table.UpsertEntityAsync(new TableEntity(tenant, MarkPrefix + mark) { ["ErasedAt"] = at }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<DateTimeOffset?> ErasedAtAsync(string tenant, string mark, CancellationToken cancellationToken) =>
        (await _table.GetOrNullAsync(tenant, MarkPrefix + mark, ["ErasedAt"], cancellationToken))?.GetDateTimeOffset("ErasedAt");

    public async Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken)
    {
        await foreach (var page in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == tenant && e.RowKey.CompareTo(MarkPrefix) >= 0 && e.RowKey.CompareTo("m}") < 0, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }

            // An empty page with a continuation token means the service stopped early; keep reading.
            if (page.ContinuationToken is null)
            {
                return false;
            }
        }

        return false;
    }

    public async Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _table.AddEntityAsync(new TableEntity(record.Tenant, RecordPrefix + RowKeys.NewestFirst(record.At, record.Id))
        {
            ["Id"] = record.Id,
            ["At"] = record.At,
            ["By"] = record.By,
            ["Accounts"] = record.Accounts,
            ["Rows"] = JsonSerializer.Serialize(record.Rows),
            ["CoinsDeposited"] = record.Ledger.Deposited,
            ["CoinsWithdrawn"] = record.Ledger.Withdrawn,
            ["CoinsForfeited"] = record.Ledger.Forfeited,
            ["XpForfeited"] = record.Ledger.Xp,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ErasureRecord>> ListAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        var records = new List<ErasureRecord>();
        await foreach (var e in _table.QueryAsync<TableEntity>(
            x => x.PartitionKey == tenant && x.RowKey.CompareTo(RecordPrefix) >= 0 && x.RowKey.CompareTo("r}") < 0, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            records.Add(new ErasureRecord(
                e.GetString("Id") ?? string.Empty,
                tenant,
                e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                e.GetString("By") ?? string.Empty,
                e.GetInt32("Accounts") ?? 0,
                JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("Rows") ?? "{}") ?? [],
                new LedgerTotals(e.GetInt64("CoinsDeposited") ?? 0, e.GetInt64("CoinsWithdrawn") ?? 0, e.GetInt64("CoinsForfeited") ?? 0, e.GetInt64("XpForfeited") ?? 0)));
            if (records.Count >= limit)
            {
                break;
            }
        }

        return records;
    }
}
