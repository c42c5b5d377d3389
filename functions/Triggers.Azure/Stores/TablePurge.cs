using Azure;
using Azure.Data.Tables;

namespace Triggers.Azure.Stores;

/// <summary>Deletes the rows a filter selects, one by one; what the hourly purge uses for every table that expires rows.</summary>
internal static class TablePurge
{
    public static async Task<int> DeleteMatchingAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var purged = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, 1000, ["PartitionKey", "RowKey"], cancellationToken))
        {
            // Another instance may have purged it first; the SDK's delete answers that as success.
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            purged++;
        }

        return purged;
    }
}
