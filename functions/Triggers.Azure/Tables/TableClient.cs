using System.Text.Json;
using Azure;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

/// <summary>Entity operations on one table.</summary>
public sealed partial class TableClient
{
    private readonly TableHttp _http;

    internal TableClient(TableHttp http, string name)
    {
        _http = http;
        Name = name;
    }

    public string Name { get; }

    /// <returns>True if this call created the table.</returns>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        using var message = _http.Create(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            TableEntityJson.WriteTableName(writer, Name);
        }

        TableHttp.SetJson(message, body.ToArray());
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status is 201 or 204)
        {
            return true;
        }

        var error = StorageErrors.FromResponse(response, $"create table '{Name}'");
        return error.Kind == StorageErrorKind.AlreadyExists ? false : throw error;
    }

    /// <returns>The entity, or null when the table has no entity with these keys.</returns>
    public async Task<TableEntity?> GetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        using var message = _http.Create(RequestMethod.Get, Name + TableKeys.EntityPath(partitionKey, rowKey));
        AppendSelect(message, select);
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status == 200)
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            var entity = TableEntityJson.Read(json.RootElement);
            entity.PartitionKey = partitionKey; // a $select without the keys leaves them out of the body
            entity.RowKey = rowKey;
            if (TableHttp.ETagOf(response) is { } etag && etag != default)
            {
                entity.ETag = etag;
            }

            return entity;
        }

        var error = StorageErrors.FromResponse(response, $"get entity {Describe(partitionKey, rowKey)}");
        return error.Kind == StorageErrorKind.NotFound && error.ErrorCode != "TableNotFound" ? null : throw error;
    }

    /// <param name="ifMatch">The entity's ETag, or <see cref="ETag.All"/> to delete unconditionally.</param>
    /// <exception cref="StorageRequestFailedException">Kind NotFound when absent, PreconditionFailed on a stale ETag.</exception>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        if (ifMatch == default)
        {
            throw new ArgumentException("ifMatch is empty; pass the entity's ETag, or ETag.All to delete unconditionally.", nameof(ifMatch));
        }

        using var message = _http.Create(RequestMethod.Delete, Name + TableKeys.EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw StorageErrors.FromResponse(response, $"delete entity {Describe(partitionKey, rowKey)}");
        }
    }

    private static void AppendSelect(HttpMessage message, IEnumerable<string>? select)
    {
        if (select is not null && string.Join(',', select) is { Length: > 0 } columns)
        {
            message.Request.Uri.AppendQuery("$select", columns);
        }
    }

    private string Describe(string partitionKey, string rowKey) =>
        $"(PartitionKey='{partitionKey}', RowKey='{rowKey}') in table '{Name}'";
}
