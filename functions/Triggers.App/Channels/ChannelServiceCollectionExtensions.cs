using Microsoft.Extensions.Options;
using Triggers.App.Webhooks;
using Triggers.Platforms;

namespace Triggers.App.Channels;

public static class ChannelServiceCollectionExtensions
{
    public static IServiceCollection AddTriggersChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PlatformRegistry(PlatformAdapters.All));
        services.AddSingleton(sp => ChannelRegistry.Load(
            configuration,
            sp.GetRequiredService<PlatformRegistry>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.ReplayWindow));

        // Resolving the registry at start-up turns a configuration mistake into a failed start.
        services.AddHostedService<ChannelValidation>();
        return services;
    }

    private sealed class ChannelValidation(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<ChannelRegistry>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
