using Triggers.Hosting.Ingestion;
using Triggers.Hosting.Processing;

namespace Triggers.App.Standalone;

public static class StandaloneServiceCollectionExtensions
{
    /// <summary>The URL to listen on when neither --urls nor ASPNETCORE_URLS says.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Listens on 127.0.0.1:7071 unless --urls or ASPNETCORE_URLS says otherwise.</summary>
    public static WebApplicationBuilder UseStandaloneUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>
    /// Azurite for the local emulator when nothing listens on its ports. Registered before the shared services, because
    /// hosted services start in registration order and the tables and queues are created at start-up.
    /// </summary>
    public static IServiceCollection AddLocalStorageEmulator(this IServiceCollection services)
    {
        services.AddHostedService<LocalStorageService>();
        return services;
    }

    /// <summary>What the Functions host does in Azure, in-process: the queue pollers, the timers and the admin key check.</summary>
    public static IServiceCollection AddStandaloneTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        // Standalone:Workers false makes an HTTP-only instance (webhooks, admin, health): an ingest tier scaled apart from
        // the instances (or the function app) that process, dispatch and purge on the same storage.
        if (configuration.GetValue("Standalone:Workers", true))
        {
            // One poller per queue; registered as plain IHostedService so both instances are kept.
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker>(sp, sp.GetRequiredService<SignalProcessor>()));
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueWorker>(sp, sp.GetRequiredService<IngestProcessor>()));
            services.AddHostedService<DedupePurgeService>();
            services.AddHostedService<ControlLinesTimer>();
            services.AddHostedService<DispatchService>();
        }

        services.AddSingleton<AdminKeyFilter>();
        return services;
    }
}
