using Triggers.App.Hosting;
using Triggers.App.Ingestion;
using Triggers.App.Rules;
using Triggers.App.Analysis;
using Triggers.App.Emotion;
using Triggers.App.Topics;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.App.Processing;

public static class ProcessingServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersProcessing(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        services.AddOptions<ProcessingOptions>()
            .Bind(configuration.GetSection(ProcessingOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RulesRefreshInterval >= TimeSpan.FromSeconds(1) && o.RulesRefreshInterval <= TimeSpan.FromSeconds(15),
                "Processing:RulesRefreshInterval must be between 00:00:01 and 00:00:15 (rule edits must apply within 15 s).")
            .Validate(o => o.VisibilityTimeout >= TimeSpan.FromSeconds(5), "Processing:VisibilityTimeout must be at least 00:00:05.")
            .Validate(o => o.MaxPollInterval > TimeSpan.Zero, "Processing:MaxPollInterval must be positive.")
            .ValidateOnStart();

        // Sentiment (embedded, or Azure AI Language with the embedded analyser as fallback), topics, emotion timeline.
        services.AddTriggersAnalysis(configuration);
        services.AddTriggersTopics();
        services.AddTriggersEmotion(configuration);
        services.AddSingleton<SignalAnalysis>();
        services.AddSingleton<StoragePurge>();
        services.AddSingleton<ICooldownStore>(sp => new TableCooldownStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<CooldownGate>();
        services.AddSingleton<IRuleHistoryStore>(sp => new TableRuleHistoryStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<RuleCache>();
        services.AddSingleton<PoisonQueue>();
        services.AddSingleton<SignalProcessor>();
        services.AddSingleton<IngestProcessor>();
        services.AddHostedService<ConfigTableRefresher<RuleCache>>();

        // Under the Functions host the queue trigger and the timer call us; pollers would compete with them.
        if (!mode.IsCustomHandler)
        {
            // One poller per queue; registered as plain IHostedService so both instances are kept.
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker>(sp, sp.GetRequiredService<SignalProcessor>()));
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker>(sp, sp.GetRequiredService<IngestProcessor>()));
            services.AddHostedService<DedupePurgeService>();
        }

        return services;
    }
}
