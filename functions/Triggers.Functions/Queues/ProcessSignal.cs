using Azure.Storage.Queues.Models;
using Triggers.Core.Hosting;
using Triggers.Hosting.Processing;

namespace Triggers.Functions.Queues;

/// <summary>
/// A signal from queue <c>signals</c>: analyse once, record, decide. Throwing leaves the message for the host to retry;
/// on the last attempt (host.json maxDequeueCount) the processor moves it to <c>signals-poison</c> with its error itself.
/// </summary>
public sealed class ProcessSignal(SignalProcessor processor)
{
    [Function(nameof(ProcessSignal))]
    public Task RunAsync([QueueTrigger(QueueNames.Signals, Connection = "AzureWebJobsStorage")] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
}
