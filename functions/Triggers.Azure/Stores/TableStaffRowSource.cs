using Azure.Data.Tables;
using Triggers.Core.StaffTables;

namespace Triggers.Azure.Stores;

/// <summary>Reads a staff-edited table whole (Scoring, Portfolio: PartitionKey = tenant, RowKey = row); the core compiles and checks each row.</summary>
public sealed class TableStaffRowSource(TableServiceClient tables, string tableName) : IStaffRowSource
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private readonly TableClient _table = tables.GetTableClient(tableName);

    public async Task<IReadOnlyList<StaffRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<StaffRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter: (string?)null, 1000, null, cancellationToken))
        {
            rows.Add(new StaffRow(entity.PartitionKey, entity.RowKey, entity.Where(p => !SystemProperties.Contains(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)));
        }

        return rows;
    }
}
