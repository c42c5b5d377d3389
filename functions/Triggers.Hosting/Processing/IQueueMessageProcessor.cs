namespace Triggers.Hosting.Processing;

/// <summary>Handles one message of one queue, the same way under the standalone poller and under the Functions host.</summary>
public interface IQueueMessageProcessor
{
    /// <summary>The Storage queue the standalone poller reads.</summary>
    string QueueName { get; }

    /// <summary>Returns once the message is done with (handled, or poisoned); throws when it should be retried.</summary>
    Task<ProcessingOutcome> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken);
}
