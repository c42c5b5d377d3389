namespace Triggers.Azure.Storage;

/// <summary>What a storage transaction was spent on, so the cost of ingest and of processing can be told apart under load.</summary>
public enum StorageWork
{
    Other,
    Ingest,
    Processing,
    Dispatch,
}
