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
            .Validate(o => o.GroupCommit.Linger >= TimeSpan.Zero && o.GroupCommit.Linger <= TimeSpan.FromMilliseconds(100), "Webhooks:GroupCommit:Linger must be between 00:00:00 and 00:00:00.100: webhooks wait it under load.")
            .Validate(o => o.GroupCommit.MaxSignals is >= 1 and <= 1000, "Webhooks:GroupCommit:MaxSignals must be between 1 and 1000.")
            .Validate(o => o.GroupCommit.MaxConcurrent is >= 1 and <= 16, "Webhooks:GroupCommit:MaxConcurrent must be between 1 and 16.")
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
