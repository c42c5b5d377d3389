namespace Triggers.Azure.Storage;

internal enum StorageService
{
    Table,
    Queue,
}
