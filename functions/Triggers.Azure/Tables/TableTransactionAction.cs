using Azure;

namespace Triggers.Azure.Tables;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
    Delete,
}

/// <summary>
/// One operation of an entity group transaction. For updates and deletes, <paramref name="ETag"/> is the
/// If-Match condition; the default means unconditional (<c>*</c>).
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType Type, TableEntity Entity, ETag ETag = default);
