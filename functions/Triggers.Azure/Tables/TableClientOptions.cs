using Triggers.Azure.Storage;

namespace Triggers.Azure.Tables;

public sealed class TableClientOptions : StorageClientOptions
{
}
