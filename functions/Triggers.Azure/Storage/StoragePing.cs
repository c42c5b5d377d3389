using Azure.Data.Tables;

namespace Triggers.Azure.Storage;

public static class StoragePing
{
    /// <summary>A cheap authenticated call (one page of one table name) that throws when the Table service is unreachable or refuses us.</summary>
    public static async Task PingAsync(this TableServiceClient tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await foreach (var _ in tables.QueryAsync(filter: (string?)null, maxPerPage: 1, cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
