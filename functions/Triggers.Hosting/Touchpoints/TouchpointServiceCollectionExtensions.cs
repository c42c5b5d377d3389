using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Triggers.Azure.Events;
using Triggers.Core.Hosting;
using Triggers.Core.Processing;
using Microsoft.Extensions.Options;
using Triggers.Hosting.ConfigTables;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Handoffs;
using Triggers.Core.People;
using Triggers.Hosting.Channels;
using Triggers.Platforms.Outbound;

namespace Triggers.Hosting.Touchpoints;

public static class TouchpointServiceCollectionExtensions
{
    /// <summary>Guardrails, the outbox dispatcher and its senders, hand-offs.</summary>
    public static IServiceCollection AddTriggersTouchpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatchOptions>()
            .Bind(configuration.GetSection(DispatchOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => !o.Problems().Any(), "Dispatch settings are invalid (Interval 1 s-10 min, RetryBase > 0, RetryMax >= RetryBase, Lease >= 10 s).")
            .Validate<OutboundEndpoints>(
                (o, endpoints) => o.Lease > SenderHttp.LongestSend(endpoints.Timeout),
                "Dispatch:Lease must outlast the longest send, 6 × Senders:Timeout + 1 s (a token fetch with its retries, then the send), " +
                "or a second dispatcher could take the touchpoint over mid-send: raise Dispatch:Lease or lower Senders:Timeout.")
            .ValidateOnStart();

        services.AddSingleton(_ => GuardrailPolicies.Load(configuration));
        services.AddOptions<GuardrailsValidated>()
            .Configure<IServiceProvider>((_, sp) => sp.GetRequiredService<GuardrailPolicies>())
            .ValidateOnStart();

        services.AddSingleton<IContactStateStore>(sp => new TableContactStateStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new TableSendLedger(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<ISendLedger>(sp => sp.GetRequiredService<TableSendLedger>());
        services.AddSingleton<IHandoffStore>(sp => new TableHandoffStore(sp.GetRequiredService<TableServiceClient>()));

        services.AddSingleton(_ => SenderSettings.Read(configuration));
        services.AddSenderHttp();
        services.AddSingleton<ITouchpointSender>(sp => new TouchpointSenders(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<OutboundEndpoints>(), sp.GetRequiredService<ILogger<TouchpointSenders>>()));

        services.AddSingleton<TemplateTexts>();
        services.AddSingleton(sp => new ContactObserver(
            sp.GetRequiredService<IContactStateStore>(), sp.GetRequiredService<OutboxTouchpointStore>(), sp.GetRequiredService<ISendLedger>()));
        services.AddSingleton(sp => new PersonContacts(
            sp.GetRequiredService<Triggers.Core.People.IPeopleStore>(), sp.GetRequiredService<IContactStateStore>(), sp.GetRequiredService<ChannelRegistry>().ChannelsOf, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GuardrailFacts(sp.GetRequiredService<IContactStateStore>(), sp.GetRequiredService<ISendLedger>(), sp.GetRequiredService<PersonContacts>()));
        services.AddSingleton<TouchpointDispatcher>();

        // Touchpoint events, through the outbox every touchpoint write passes.
        services.AddTouchpointEvents(configuration);

        return services;
    }

    private static void AddTouchpointEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TouchpointEventsOptions.SectionName);
        services.AddOptions<TouchpointEventsOptions>()
            .Bind(section)
            .Validate(o => !o.Problems().Any(), "ServiceBus:fullyQualifiedNamespace must be a host name such as contoso.servicebus.windows.net.")
            .ValidateOnStart();
        // A malformed namespace never reaches Service Bus: ValidateOnStart above stops the app and names the setting.
        if (section.Get<TouchpointEventsOptions>() is { UsesServiceBus: true } events && !events.Problems().Any())
        {
            // fullyQualifiedNamespace, credential and clientId: the keys the Functions host uses for identity connections.
            services.AddAzureClients(clients => clients.AddServiceBusClient(section));
            services.AddSingleton<ITouchpointEventPublisher>(sp => new ServiceBusTouchpointEventPublisher(
                sp.GetRequiredService<ServiceBusClient>().CreateSender(ServiceBusTouchpointEventPublisher.Topic)));
        }
        else
        {
            services.AddSingleton<ITouchpointEventPublisher>(sp => new QueueTouchpointEventPublisher(
                sp.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.TouchpointEvents)));
        }

        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxTouchpointStore>(sp, sp.GetRequiredService<TableTouchpointStore>()));
        services.AddSingleton<ITouchpointStore>(sp => sp.GetRequiredService<OutboxTouchpointStore>());
    }

    /// <summary>A marker whose creation at start-up loads and validates the guardrail settings.</summary>
    private sealed class GuardrailsValidated;
}
