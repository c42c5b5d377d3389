using System.Text.RegularExpressions;
using Triggers.Azure.Storage;

namespace Triggers.Azure.Queues;

/// <summary>The Queue service of one storage account.</summary>
public sealed partial class QueueServiceClient
{
    private readonly QueueHttp _http;

    public QueueServiceClient(StorageConnection connection, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var pipeline = StoragePipeline.Build(connection, StorageService.Queue, options ?? new QueueClientOptions());
        _http = new QueueHttp(pipeline, connection.QueueEndpoint);
    }

    /// <summary>A client for one queue; the name is checked here, the queue is not created.</summary>
    public QueueClient GetQueueClient(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (!QueueNamePattern().IsMatch(queueName) || queueName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{queueName}' is not a valid queue name: use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
        }

        return new QueueClient(_http, queueName);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
