using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Triggers.Azure.Events;
using Triggers.Core.Touchpoints;
using Triggers.Testing;

namespace Triggers.Azure.Tests.Events;

public sealed class QueueTouchpointEventPublisherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Each_event_is_one_base64_cloudevent_message_on_the_queue_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = await azurite.CreateQueueAsync(ct);
        var publisher = new QueueTouchpointEventPublisher(queue);

        await publisher.PublishAsync([EventSamples.Event(TouchpointEventTypes.Planned), EventSamples.Event(TouchpointEventTypes.Blocked, EventSamples.Touchpoint(TouchpointStatus.Blocked))], ct);

        // Read back as text by a client that does not decode: the queue trigger's base64 is what is on the wire.
        var raw = new QueueClient(azurite.ConnectionString, queue.Name);
        var messages = (await raw.ReceiveMessagesAsync(10, cancellationToken: ct)).Value;
        Assert.Equal(2, messages.Length);
        var events = messages.Select(m => JsonNode.Parse(Convert.FromBase64String(m.Body.ToString()))!).ToList();
        Assert.Equal(["triggers.touchpoint.planned", "triggers.touchpoint.blocked"], events.Select(e => (string)e["type"]!));
        Assert.Equal("consent", (string?)events[1]["data"]!["guardrail"]);
        Assert.Contains(queue.Name, publisher.Destination, StringComparison.Ordinal);
    }
}
