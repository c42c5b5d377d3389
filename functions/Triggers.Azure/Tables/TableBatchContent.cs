using System.Text;
using Azure;

namespace Triggers.Azure.Tables;

/// <summary>
/// Writes the multipart/mixed body of an entity group transaction: one changeset, one
/// <c>application/http</c> part per operation, CRLF line endings, each JSON body on one line.
/// </summary>
internal static class TableBatchContent
{
    private const string CrLf = "\r\n";

    public static (string ContentType, byte[] Body) Build(string baseUri, string tableName, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = $"batch_{Guid.NewGuid()}";
        var changeset = $"changeset_{Guid.NewGuid()}";
        var text = new StringBuilder()
            .Append("--").Append(batch).Append(CrLf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(CrLf)
            .Append(CrLf);

        foreach (var action in actions)
        {
            text.Append("--").Append(changeset).Append(CrLf)
                .Append("Content-Type: application/http").Append(CrLf)
                .Append("Content-Transfer-Encoding: binary").Append(CrLf)
                .Append(CrLf);
            AppendOperation(text, baseUri, tableName, action);
        }

        text.Append("--").Append(changeset).Append("--").Append(CrLf)
            .Append("--").Append(batch).Append("--").Append(CrLf);
        return ($"multipart/mixed; boundary={batch}", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void AppendOperation(StringBuilder text, string baseUri, string tableName, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = $"{baseUri}/{tableName}{TableKeys.EntityPath(entity.PartitionKey, entity.RowKey)}";
        var condition = action.ETag == default ? ETag.All : action.ETag;
        var (method, uri, ifMatch, hasBody) = action.Type switch
        {
            TableTransactionActionType.Add => ("POST", $"{baseUri}/{tableName}", (ETag?)null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, condition, true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, condition, true),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
            TableTransactionActionType.Delete => ("DELETE", entityUri, condition, false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Type, "Unknown transaction action type."),
        };

        text.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1").Append(CrLf)
            .Append("Accept: application/json;odata=minimalmetadata").Append(CrLf)
            .Append("DataServiceVersion: 3.0;").Append(CrLf);
        if (ifMatch is { } etag)
        {
            text.Append("If-Match: ").Append(etag.ToString()).Append(CrLf);
        }

        if (hasBody)
        {
            text.Append("Content-Type: application/json").Append(CrLf)
                .Append("Prefer: return-no-content").Append(CrLf)
                .Append(CrLf)
                .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append(CrLf);
        }
        else
        {
            text.Append(CrLf);
        }
    }
}
