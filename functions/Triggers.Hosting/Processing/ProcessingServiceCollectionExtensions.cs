using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Contacts;
using Triggers.Core.Decisions;
using Triggers.Core.Emotion;
using Triggers.Hosting.ConfigTables;
using Triggers.Hosting.Ingestion;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Analysis;
using Triggers.Hosting.Emotion;
using Triggers.Hosting.Topics;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Processing;
using Triggers.Core.Rules;

namespace Triggers.Hosting.Processing;

public static class ProcessingServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersProcessing(this IServiceCollection services, IConfiguration configuration)
    {
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
        services.AddSingleton<IRuleHistoryStore>(sp => new TableRuleHistoryStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<RetiredRules>();
        services.AddSingleton<RuleCache>();
        services.AddSingleton<PoisonQueue>();
        services.AddSingleton(sp => new DecisionPorts
        {
            Analyzer = sp.GetRequiredService<SignalAnalysis>(),
            Contacts = sp.GetRequiredService<IContactStateStore>(),
            Touchpoints = sp.GetRequiredService<OutboxTouchpointStore>(),
            Ledger = sp.GetRequiredService<ISendLedger>(),
            Cooldowns = sp.GetRequiredService<ICooldownStore>(),
            Emotions = sp.GetRequiredService<IEmotionStore>(),
            Rooms = sp.GetRequiredService<IRoomStore>(),
            People = sp.GetRequiredService<Triggers.Core.People.IPeopleStore>(),
            Persons = sp.GetRequiredService<Triggers.Core.People.PersonContacts>(),
            Coins = sp.GetRequiredService<Triggers.Core.Coins.CoinBank>(),
            Stock = sp.GetRequiredService<Triggers.Core.Coins.RewardStock>(),
            Trust = sp.GetRequiredService<Triggers.Core.Trust.ITrustStore>(),
            Erased = sp.GetRequiredService<Triggers.Core.Erasure.ErasedAccounts>(),
            Journeys = sp.GetRequiredService<Triggers.Core.Portfolio.IJourneyStore>(),
            Time = sp.GetRequiredService<TimeProvider>(),
        });
        services.AddSingleton(sp => new DecisionSettings
        {
            Guardrails = sp.GetRequiredService<GuardrailPolicies>().For,
            PlatformOf = channel => sp.GetRequiredService<ChannelRegistry>().Find(channel)?.Platform,
            ChannelsOf = sp.GetRequiredService<ChannelRegistry>().ChannelsOf,
            Emotion = sp.GetRequiredService<IOptions<EmotionOptions>>().Value,
            Rewards = sp.GetRequiredService<Rewards.RewardCache>().FindAsync,
            Scoring = sp.GetRequiredService<Trust.ScoringCache>().ForAsync,
            Portfolio = sp.GetRequiredService<Portfolio.PortfolioCache>().ForAsync,
            Promotions = sp.GetRequiredService<Portfolio.PromotionCache>().ForAsync,
            Controls = sp.GetRequiredService<Portfolio.ControlLineCache>().ForAsync,
        });
        services.AddSingleton<SignalDecisions>();
        services.AddSingleton<SignalProcessor>();
        services.AddSingleton<SignalCounters>();
        services.AddSingleton<IngestProcessor>();
        services.AddHostedService<ConfigTableRefresher<RuleCache>>();

        return services;
    }
}
