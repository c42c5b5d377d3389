using Azure.Data.Tables;

namespace Triggers.Azure.Stores;

/// <summary>Reads every store makes the same way.</summary>
internal static class TableReads
{
    /// <summary>The entity, or null when it does not exist (no exception for the common "not there" case).</summary>
    public static async Task<TableEntity?> GetOrNullAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
