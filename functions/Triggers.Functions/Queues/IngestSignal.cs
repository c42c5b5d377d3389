using Azure.Storage.Queues.Models;
using Triggers.Core.Hosting;
using Triggers.Hosting.Ingestion;

namespace Triggers.Functions.Queues;

/// <summary>A signal envelope from an upstream relay on queue <c>ingest</c>: validated, deduplicated, enqueued to <c>signals</c>.</summary>
public sealed class IngestSignal(IngestProcessor processor)
{
    [Function(nameof(IngestSignal))]
    public Task RunAsync([QueueTrigger(QueueNames.Ingest, Connection = "AzureWebJobsStorage")] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
}
