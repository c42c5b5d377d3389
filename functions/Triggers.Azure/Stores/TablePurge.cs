using Azure;
using Triggers.Azure.Storage;
using Triggers.Azure.Tables;

namespace Triggers.Azure.Stores;

/// <summary>Deletes the rows a filter selects, one by one; what the hourly purge uses for every table that expires rows.</summary>
internal static class TablePurge
{
    public static async Task<int> DeleteMatchingAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var purged = 0;
        await foreach (var entity in table.QueryAsync(filter, ["PartitionKey", "RowKey"], 1000, cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
                purged++;
            }
            catch (StorageRequestFailedException ex) when (ex.Kind == StorageErrorKind.NotFound)
            {
                // Another instance purged it first.
            }
        }

        return purged;
    }
}
