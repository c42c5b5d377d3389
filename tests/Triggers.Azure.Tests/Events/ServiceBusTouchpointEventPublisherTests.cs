using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Triggers.Azure.Events;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Tests.Events;

/// <summary>
/// The Service Bus publisher through the SDK's own test seam (ServiceBusSender is built to be subclassed): what goes on the
/// wire as AMQP, and how broker failures are told to operators. No Service Bus emulator runs here.
/// </summary>
public sealed class ServiceBusTouchpointEventPublisherTests
{
    [Fact]
    public async Task An_event_goes_out_as_a_cloudevent_with_its_id_as_message_id_the_contact_as_session_and_filterable_properties()
    {
        var sender = new RecordingSender();
        var publisher = new ServiceBusTouchpointEventPublisher(sender);
        var e = EventSamples.Event(TouchpointEventTypes.Sent);

        await publisher.PublishAsync([e], TestContext.Current.CancellationToken);

        var message = Assert.Single(sender.Sent);
        var amqp = message.GetRawAmqpMessage();
        Assert.Equal("0123456789abcdef0123456789abcdef.sent", amqp.Properties.MessageId.ToString());
        Assert.Equal("o-contact-1", amqp.Properties.GroupId); // the AMQP group id is the Service Bus session id
        Assert.Equal("application/cloudevents+json", amqp.Properties.ContentType);
        Assert.Equal("triggers.touchpoint.sent", amqp.Properties.Subject);
        Assert.Equal("triggers.touchpoint.sent", amqp.ApplicationProperties["type"]);
        Assert.Equal("brand-a", amqp.ApplicationProperties["tenant"]);
        Assert.Equal("douyin", amqp.ApplicationProperties["platform"]);
        Assert.Equal("coupon", amqp.ApplicationProperties["action"]);
        Assert.Equal(default, message.ScheduledEnqueueTime); // published when recorded, never held back by the broker

        var body = JsonNode.Parse(message.Body.ToString())!;
        Assert.Equal("1.0", (string?)body["specversion"]);
        Assert.Equal("/triggers/touchpoints", (string?)body["source"]);
        Assert.Equal("touchpoints/brand-a/0123456789abcdef0123456789abcdef", (string?)body["subject"]);
        Assert.Equal(EventSamples.T0.AddMinutes(11), DateTimeOffset.Parse((string)body["time"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("msg-77", (string?)body["data"]!["providerMessageId"]);
        Assert.True((bool)body["data"]!["actedOnByBrand"]!);
    }

    [Fact]
    public async Task Several_events_go_in_one_send_in_their_order()
    {
        var sender = new RecordingSender();

        await new ServiceBusTouchpointEventPublisher(sender).PublishAsync(
            [EventSamples.Event(TouchpointEventTypes.Planned), EventSamples.Event(TouchpointEventTypes.Sent)], TestContext.Current.CancellationToken);

        Assert.Equal(1, sender.Calls);
        Assert.Equal(["0123456789abcdef0123456789abcdef.planned", "0123456789abcdef0123456789abcdef.sent"], sender.Sent.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_contact_id_longer_than_a_session_id_may_be_is_cut_to_128_characters()
    {
        var sender = new RecordingSender();
        var contact = new string('x', 200);

        await new ServiceBusTouchpointEventPublisher(sender).PublishAsync(
            [EventSamples.Event(TouchpointEventTypes.Sent, EventSamples.Touchpoint(contact: contact))], TestContext.Current.CancellationToken);

        Assert.Equal(contact[..128], Assert.Single(sender.Sent).SessionId);
    }

    [Fact]
    public async Task A_missing_topic_is_reported_with_the_namespace_and_how_to_create_it_and_is_not_retried_as_transient()
    {
        var sender = new RecordingSender { Failure = new ServiceBusException("not found", ServiceBusFailureReason.MessagingEntityNotFound) };

        var error = await Assert.ThrowsAsync<TouchpointEventPublishException>(() =>
            new ServiceBusTouchpointEventPublisher(sender).PublishAsync([EventSamples.Event(TouchpointEventTypes.Sent)], TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Contains("topic 'touchpoints'", error.Message, StringComparison.Ordinal);
        Assert.Contains("contoso.servicebus.windows.net", error.Message, StringComparison.Ordinal);
        Assert.Contains("infra/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_identity_is_told_which_role_to_grant_on_the_topic()
    {
        var sender = new RecordingSender { Failure = new UnauthorizedAccessException("Unauthorized access. 'Send' claim(s) are required") };

        var error = await Assert.ThrowsAsync<TouchpointEventPublishException>(() =>
            new ServiceBusTouchpointEventPublisher(sender).PublishAsync([EventSamples.Event(TouchpointEventTypes.Sent)], TestContext.Current.CancellationToken));

        Assert.Contains("Azure Service Bus Data Sender", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_busy_broker_is_transient_and_says_the_next_dispatch_retries()
    {
        var sender = new RecordingSender { Failure = new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy) };

        var error = await Assert.ThrowsAsync<TouchpointEventPublishException>(() =>
            new ServiceBusTouchpointEventPublisher(sender).PublishAsync([EventSamples.Event(TouchpointEventTypes.Sent)], TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Contains("ServiceBusy", error.Message, StringComparison.Ordinal);
        Assert.Contains("retried on the next dispatch", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The SDK's mocking seam: ServiceBusSender has a protected constructor and virtual members for exactly this.</summary>
    private sealed class RecordingSender : ServiceBusSender
    {
        public List<ServiceBusMessage> Sent { get; } = [];

        public int Calls { get; private set; }

        public Exception? Failure { get; init; }

        public override string EntityPath => ServiceBusTouchpointEventPublisher.Topic;

        public override string FullyQualifiedNamespace => "contoso.servicebus.windows.net";

        public override Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Failure is not null)
            {
                throw Failure;
            }

            Sent.AddRange(messages);
            return Task.CompletedTask;
        }
    }
}
