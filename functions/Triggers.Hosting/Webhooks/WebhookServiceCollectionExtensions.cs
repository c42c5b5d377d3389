using Microsoft.Extensions.Options;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Processing;

namespace Triggers.Hosting.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ReplayWindow > TimeSpan.Zero, "Webhooks:ReplayWindow must be a positive TimeSpan such as 00:05:00.")
            .Validate(o => o.DedupeWindow >= TimeSpan.FromMinutes(10), "Webhooks:DedupeWindow must be at least 00:10:00 so platform retries are still recognised.")
            .Validate(o => o.IngestTimeout > TimeSpan.Zero && o.IngestTimeout <= TimeSpan.FromSeconds(30), "Webhooks:IngestTimeout must be between 00:00:00.001 and 00:00:30.")
            .ValidateOnStart();
        services.AddSingleton<IDedupeStore>(sp => new TableDedupeStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.DedupeWindow));
        services.AddSingleton<SignalIngestor>();
        services.AddSingleton<PassiveReplies>();
        services.AddSingleton<WebhookHandler>();
        return services;
    }
}
