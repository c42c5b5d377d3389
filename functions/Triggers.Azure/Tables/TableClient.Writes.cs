using Azure;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

/// <summary>Insert, update and upsert: each sends the whole entity and returns its new ETag.</summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    /// <exception cref="StorageRequestFailedException">Kind AlreadyExists when an entity with these keys exists.</exception>
    public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return WriteAsync(RequestMethod.Post, entity, Name, ifMatch: null, "insert entity", cancellationToken);
    }

    /// <param name="ifMatch">The entity's ETag for optimistic concurrency, or <see cref="ETag.All"/> for unconditional.</param>
    /// <exception cref="StorageRequestFailedException">Kind PreconditionFailed on a stale ETag, NotFound when absent.</exception>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("ifMatch is empty; pass the entity's ETag, or ETag.All to update unconditionally.", nameof(ifMatch));
        }

        return WriteAsync(
            MethodFor(mode), entity, Name + KeysOf(entity), ifMatch, mode == TableUpdateMode.Merge ? "merge entity" : "replace entity", cancellationToken);
    }

    /// <summary>Insert-or-merge or insert-or-replace: no condition.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return WriteAsync(
            MethodFor(mode), entity, Name + KeysOf(entity), ifMatch: null, mode == TableUpdateMode.Merge ? "upsert (merge) entity" : "upsert (replace) entity", cancellationToken);
    }

    private async Task<ETag> WriteAsync(
        RequestMethod method, TableEntity entity, string path, ETag? ifMatch, string operation, CancellationToken cancellationToken)
    {
        TableKeys.Validate(entity.GetString(TableEntity.PartitionKeyName), nameof(entity.PartitionKey));
        TableKeys.Validate(entity.GetString(TableEntity.RowKeyName), nameof(entity.RowKey));
        using var message = _http.Create(method, path);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        if (ifMatch is { } condition)
        {
            message.Request.Headers.SetValue("If-Match", condition.ToString());
        }

        TableHttp.SetJson(message, TableEntityJson.Serialize(entity));
        var response = await _http.SendAsync(message, cancellationToken);
        if (response.Status is 201 or 204)
        {
            return TableHttp.ETagOf(response);
        }

        throw StorageErrors.FromResponse(response, $"{operation} {Describe(entity.PartitionKey, entity.RowKey)}");
    }

    private static RequestMethod MethodFor(TableUpdateMode mode) => mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;

    private static string KeysOf(TableEntity entity)
    {
        TableKeys.Validate(entity.GetString(TableEntity.PartitionKeyName), nameof(entity.PartitionKey));
        TableKeys.Validate(entity.GetString(TableEntity.RowKeyName), nameof(entity.RowKey));
        return TableKeys.EntityPath(entity.PartitionKey, entity.RowKey);
    }
}
