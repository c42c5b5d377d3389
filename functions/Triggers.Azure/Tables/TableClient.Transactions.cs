using Azure;
using Azure.Core;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

public sealed partial class TableClient
{
    private const int MaxTransactionActions = 100;

    /// <summary>
    /// Applies up to 100 operations on entities of one partition atomically: all or none.
    /// </summary>
    /// <returns>The new ETag of each entity, in order; null for deletes.</returns>
    /// <exception cref="StorageRequestFailedException">
    /// The transaction was rolled back; <see cref="StorageRequestFailedException.FailedOperationIndex"/> is the
    /// 0-based index of the operation the service rejected.
    /// </exception>
    public async Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);

        var (contentType, body) = TableBatchContent.Build(_http.BaseUri, Name, list);
        using var message = _http.Create(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _http.SendAsync(message, cancellationToken);
        var operation = $"apply a transaction of {list.Count} operation(s) on partition '{list[0].Entity.PartitionKey}' in table '{Name}'";
        if (response.Status != 202)
        {
            throw StorageErrors.FromResponse(response, operation);
        }

        var parts = TableBatchPart.ParseAll(response.Content.ToString());
        if (parts.FirstOrDefault(p => p.Status >= 400) is { } failed)
        {
            var (code, serviceMessage) = StorageErrors.ParseBody(failed.Body);
            throw StorageErrors.Create(failed.Status, code, serviceMessage, operation, inTransaction: true);
        }

        if (parts.Count != list.Count)
        {
            throw new StorageRequestFailedException(
                $"Storage answered a transaction of {list.Count} operation(s) in table '{Name}' with {parts.Count} response part(s); the outcome is unknown.");
        }

        return [.. parts.Select((part, i) => list[i].Type == TableTransactionActionType.Delete ? null : part.ETag)];
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A transaction holds 1 to {MaxTransactionActions} operations; this one has {actions.Count}. Split it into several transactions.",
                nameof(actions));
        }

        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        string? partition = null;
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i]?.Entity ?? throw new ArgumentException($"Operation {i} or its entity is null.", nameof(actions));
            TableKeys.Validate(entity.GetString(TableEntity.PartitionKeyName), $"actions[{i}].Entity.PartitionKey");
            TableKeys.Validate(entity.GetString(TableEntity.RowKeyName), $"actions[{i}].Entity.RowKey");
            partition ??= entity.PartitionKey;
            if (!string.Equals(partition, entity.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All operations of a transaction must share one PartitionKey; operation 0 uses '{partition}' but operation {i} uses '{entity.PartitionKey}'.",
                    nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"A transaction may touch each entity once; RowKey '{entity.RowKey}' appears again at operation {i}.", nameof(actions));
            }
        }
    }
}
