using Triggers.Hosting.ConfigTables;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Topics;

namespace Triggers.Hosting.Topics;

public static class TopicServiceCollectionExtensions
{
    /// <summary>
    /// Topic lexicons from table <c>Topics</c>, hot-reloaded. Needs AddTriggersStorage (the table client) and
    /// AddTriggersProcessing (Processing:RulesRefreshInterval).
    /// </summary>
    public static IServiceCollection AddTriggersTopics(this IServiceCollection services)
    {
        services.AddSingleton<ITopicSource>(sp => new TableTopicSource(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<TopicCache>();
        services.AddHostedService<ConfigTableRefresher<TopicCache>>();
        return services;
    }
}
