using Triggers.Hosting.Admin;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Health;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Storage;
using Triggers.Hosting.Touchpoints;
using Triggers.Hosting.Webhooks;

using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Triggers.Azure.Stores;
using Triggers.Core.Coins;
using Triggers.Core.People;

namespace Triggers.Hosting;

public static class TriggersServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts share, with options validated at start-up: channels, storage, webhook ingestion, processing,
    /// touchpoints and the HTTP handlers. Hosts add only how they are triggered (functions, or pollers and timers).
    /// </summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        // Configured channels, validated first at start-up; platform adapters.
        services.AddTriggersChannels(configuration);

        // Table and queue storage on the Azure SDKs; tables and queues created at start-up.
        services.AddTriggersStorage();

        // Webhook ingestion: verify, normalise, dedupe, enqueue.
        services.AddTriggersWebhooks(configuration);

        // Processing: analyse, store, evaluate rules, plan touchpoints.
        services.AddTriggersProcessing(configuration);

        // Touchpoints: guardrails, the outbox dispatcher and its senders, hand-offs, touchpoint events.
        services.AddTriggersTouchpoints(configuration);

        // One person across platforms: account links in table People.
        services.AddSingleton<IPeopleStore>(sp => new TablePeopleStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new PersonLinker(sp.GetRequiredService<IPeopleStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CoinBank>()));
        services.AddSingleton<PersonLookup>();

        // The knowledge-coin bank: wallets in table Coins.
        services.AddSingleton<ICoinStore>(sp => new TableCoinStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddOptions<Coins.CoinOptions>()
            .Bind(configuration.GetSection(Coins.CoinOptions.SectionName))
            .Validate(o => o.Expiry is null || o.Expiry >= TimeSpan.FromDays(1), "Coins:Expiry must be at least 1.00:00:00 (a day), or unset so coins never expire.")
            .ValidateOnStart();
        services.AddSingleton(sp => new CoinBank(
            sp.GetRequiredService<ICoinStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Coins.CoinOptions>>().Value.Expiry));

        // Rewards (staff-edited table Rewards, hot-reloaded) and the units redemptions claim (table RewardStock).
        services.AddSingleton<IRewardSource>(sp => new TableRewardSource(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<Rewards.RewardCache>();
        services.AddHostedService<ConfigTables.ConfigTableRefresher<Rewards.RewardCache>>();
        services.AddSingleton<IRewardStockStore>(sp => new TableRewardStockStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<RewardStock>();
        services.AddSingleton<RewardRedeemer>();

        // Trust: scoring from the staff-edited table Scoring (hot-reloaded), each account's trust in table Trust.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Trust.ScoringCache>(
            sp, new TableStaffRowSource(sp.GetRequiredService<TableServiceClient>(), TableNames.Scoring)));
        services.AddHostedService<ConfigTables.ConfigTableRefresher<Trust.ScoringCache>>();
        services.AddSingleton<Triggers.Core.Trust.ITrustStore>(sp => new TableTrustStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<Trust.PersonTrust>();

        // The platform portfolio: quadrants, control lines and costs from the staff-edited table Portfolio (hot-reloaded).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Portfolio.PortfolioCache>(
            sp, new TableStaffRowSource(sp.GetRequiredService<TableServiceClient>(), TableNames.Portfolio)));
        services.AddHostedService<ConfigTables.ConfigTableRefresher<Portfolio.PortfolioCache>>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Portfolio.PromotionCache>(
            sp, new TableStaffRowSource(sp.GetRequiredService<TableServiceClient>(), TableNames.Promotions)));
        services.AddHostedService<ConfigTables.ConfigTableRefresher<Portfolio.PromotionCache>>();
        services.AddSingleton<Triggers.Core.Portfolio.IJourneyStore>(sp => new TableJourneyStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new TableControlLineFacts(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton(sp => new TableControlLineStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<Portfolio.ControlLineCache>();
        services.AddSingleton<Portfolio.ControlLineService>();

        // Erasure on request: every table's rows of a person deleted, the accounts marked so old signals stay dropped.
        services.AddSingleton<Triggers.Core.Erasure.IErasureStore>(sp => new TableErasureStore(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<Triggers.Core.Erasure.ErasedAccounts>();
        services.AddSingleton<Triggers.Core.Erasure.IContactDataEraser>(sp =>
            new TableContactEraser(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<ChannelRegistry>().ChannelsOf));
        services.AddSingleton<Triggers.Core.Erasure.ContactEraser>();

        // Who may call the admin API (Admin:Key, Admin:Keys) and which tenants each key sees: the gate both hosts run first.
        services.AddOptions<Admin.Access.AdminOptions>().Bind(configuration.GetSection(Admin.Access.AdminOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Admin.Access.AdminOptions>, Admin.Access.AdminOptionsValidator>();
        services.AddSingleton<Admin.Access.AdminGate>();

        // The HTTP handlers both hosts route to.
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<AdminApi>();
        services.AddSingleton<HandoffAdmin>();
        services.AddSingleton<ConsentAdmin>();
        services.AddSingleton<ContactsAdmin>();
        services.AddSingleton<CoinsAdmin>();
        services.AddSingleton<TimelineAdmin>();
        services.AddSingleton<JourneyAdmin>();
        services.AddSingleton<ControlLinesAdmin>();
        services.AddSingleton<SimulationAdmin>();
        services.AddSingleton<QueuesAdmin>();
        services.AddSingleton(sp => new TableRuleWriter(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<Triggers.Core.Processing.IRuleHistoryStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RulesAdmin>();
        services.AddSingleton<Console.ConsoleAssets>();
        return services;
    }
}
