using Azure.Storage.Queues;
using Triggers.Azure.Stores;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Events;

/// <summary>
/// Locally, where no Service Bus runs: each event as one CloudEvent JSON message on Storage queue <c>touchpoint-events</c>.
/// A Storage queue has no duplicate detection, so a crash between publishing and clearing the outbox can deliver an event
/// twice; consumers recognise it by its id (docs/events.md).
/// </summary>
public sealed class QueueTouchpointEventPublisher(QueueClient queue) : ITouchpointEventPublisher
{
    public string Destination => $"Storage queue {queue.Name}";

    public async Task PublishAsync(IReadOnlyList<TouchpointEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            await queue.SendMessageAsync(TouchpointCloudEvents.Serialize(e), visibilityTimeout: null, timeToLive: QueueSignalQueue.NeverExpires, cancellationToken);
        }
    }
}
