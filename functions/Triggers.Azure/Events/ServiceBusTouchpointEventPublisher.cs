using Azure.Messaging.ServiceBus;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Azure.Events;

/// <summary>
/// In Azure: each event as a CloudEvent message on Service Bus topic <c>touchpoints</c>. <c>MessageId</c> is the event id,
/// so the topic's duplicate detection drops a second publish of the same event; <c>SessionId</c> is the contact, so a
/// session-aware subscription receives one contact's events in order; <c>type</c>, <c>tenant</c>, <c>platform</c> and
/// <c>action</c> are application properties for subscription filters.
/// </summary>
public sealed class ServiceBusTouchpointEventPublisher(ServiceBusSender sender) : ITouchpointEventPublisher
{
    public const string Topic = "touchpoints";

    // A Service Bus session id holds at most 128 characters.
    private const int MaxSessionId = 128;

    public string Destination => $"Service Bus topic {sender.EntityPath} in {sender.FullyQualifiedNamespace}";

    public async Task PublishAsync(IReadOnlyList<TouchpointEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            await sender.SendMessagesAsync(events.Select(ToMessage), cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessagingEntityNotFound)
        {
            throw new TouchpointEventPublishException(
                $"Service Bus topic '{sender.EntityPath}' does not exist in {sender.FullyQualifiedNamespace}: deploy infra/ (it creates the topic) or correct ServiceBus__fullyQualifiedNamespace.",
                isTransient: false,
                ex);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageSizeExceeded)
        {
            throw new TouchpointEventPublishException(
                $"An event of {string.Join(", ", events.Select(e => e.Id))} is larger than topic '{sender.EntityPath}' accepts; shorten the action's text or template.",
                isTransient: false,
                ex);
        }
        catch (ServiceBusException ex)
        {
            throw new TouchpointEventPublishException(
                $"Publishing to Service Bus topic '{sender.EntityPath}' failed ({ex.Reason}){(ex.IsTransient ? "; it is retried on the next dispatch" : string.Empty)}: {ex.Message}",
                ex.IsTransient,
                ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TouchpointEventPublishException(
                $"The app's identity may not send to Service Bus topic '{sender.EntityPath}': grant it 'Azure Service Bus Data Sender' on the topic (infra/ does) and check ServiceBus__clientId.",
                isTransient: false,
                ex);
        }
    }

    public static ServiceBusMessage ToMessage(TouchpointEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = new ServiceBusMessage(BinaryData.FromString(TouchpointCloudEvents.Serialize(e)))
        {
            MessageId = e.Id,
            SessionId = e.Data.Contact.Length <= MaxSessionId ? e.Data.Contact : e.Data.Contact[..MaxSessionId],
            ContentType = TouchpointCloudEvents.ContentType,
            Subject = e.Type,
        };
        message.ApplicationProperties["type"] = e.Type;
        message.ApplicationProperties["tenant"] = e.Data.Tenant;
        message.ApplicationProperties["platform"] = e.Data.Platform ?? string.Empty;
        message.ApplicationProperties["action"] = e.Data.Action;
        return message;
    }
}
