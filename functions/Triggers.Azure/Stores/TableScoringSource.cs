using Azure.Data.Tables;
using Triggers.Core.Trust;

namespace Triggers.Azure.Stores;

/// <summary>Reads table <c>Scoring</c> (PartitionKey = tenant, RowKey = row); the core compiles and checks each row.</summary>
public sealed class TableScoringSource(TableServiceClient tables) : IScoringSource
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    private readonly TableClient _table = tables.GetTableClient(TableNames.Scoring);

    public async Task<IReadOnlyList<ScoringDefinition>> LoadAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ScoringDefinition>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter: (string?)null, 1000, null, cancellationToken))
        {
            rows.Add(new ScoringDefinition(entity.PartitionKey, entity.RowKey, entity.Where(p => !SystemProperties.Contains(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal)));
        }

        return rows;
    }
}
