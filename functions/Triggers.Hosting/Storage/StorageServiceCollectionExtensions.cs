using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Triggers.Azure.Storage;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Hosting;
using Triggers.Core.Processing;

namespace Triggers.Hosting.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string ConnectionName = "AzureWebJobsStorage";

    public static IServiceCollection AddTriggersStorage(this IServiceCollection services)
    {
        // Resolved by the first hosted service, so a malformed setting stops start-up with a message naming it.
        services.AddSingleton(sp => StorageConnection.FromConfiguration(sp.GetRequiredService<IConfiguration>(), ConnectionName));
        services.AddSingleton<StorageTransactions>();
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, _, sp) =>
            {
                options.AddPolicy(sp.GetRequiredService<StorageTransactions>().ForTables(), HttpPipelinePosition.PerRetry);
                return sp.GetRequiredService<StorageConnection>().CreateTableServiceClient(options);
            });
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, _, sp) =>
            {
                options.AddPolicy(sp.GetRequiredService<StorageTransactions>().ForQueues(), HttpPipelinePosition.PerRetry);
                return sp.GetRequiredService<StorageConnection>().CreateQueueServiceClient(options);
            });
        });
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton<StorageOutage>();

        // Hosted services start in registration order: a host that starts the local emulator registers it before this.
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<IProcessedSignalStore>(sp => new TableProcessedSignalStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new TableTouchpointStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IRuleSource>(sp => new TableRuleSource(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<ISignalQueue>(sp =>
            new QueueSignalQueue(sp.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Signals)));
        return services;
    }
}
