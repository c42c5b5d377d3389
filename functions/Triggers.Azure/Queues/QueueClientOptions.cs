using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

public sealed class QueueClientOptions : StorageClientOptions
{
}
