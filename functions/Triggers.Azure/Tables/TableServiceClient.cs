using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

/// <summary>The Table service of one storage account.</summary>
public sealed class TableServiceClient
{
    private readonly TableHttp _http;

    public TableServiceClient(StorageConnection connection, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var pipeline = StoragePipeline.Build(connection, StorageService.Table, options ?? new TableClientOptions());
        _http = new TableHttp(pipeline, connection.TableEndpoint);
    }

    /// <summary>A client for one table; the name is checked here, the table is not created.</summary>
    public TableClient GetTableClient(string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        return new TableClient(_http, tableName);
    }

    /// <summary>A cheap authenticated call that throws when the Table service is unreachable or refuses us.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var message = _http.Create(RequestMethod.Get, "Tables");
        message.Request.Uri.AppendQuery("$top", "1");
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw StorageErrors.FromResponse(response, "list tables (health check)");
        }
    }
}
