using Microsoft.Extensions.Options;
using Triggers.Hosting.Webhooks;
using Triggers.Platforms;

namespace Triggers.Hosting.Channels;

public static class ChannelServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PlatformRegistry(PlatformAdapters.All));
        services.AddSingleton(sp => ChannelRegistry.Load(
            configuration,
            sp.GetRequiredService<PlatformRegistry>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.ReplayWindow));

        // Built during start-up validation, before any hosted service starts, so a configuration mistake
        // fails the start with its own message and nothing else has run.
        services.AddOptions<ChannelsValidated>()
            .Configure<IServiceProvider>((_, sp) => sp.GetRequiredService<ChannelRegistry>())
            .ValidateOnStart();
        return services;
    }

    /// <summary>A marker whose creation at start-up loads and validates the channels.</summary>
    private sealed class ChannelsValidated;
}
