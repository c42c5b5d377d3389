using Microsoft.Extensions.Options;
using Triggers.App.Processing;
using Triggers.App.Storage;

namespace Triggers.App.Topics;

/// <summary>
/// Re-reads table <c>Topics</c> on the rules' interval even when no signal arrives, so <see cref="TopicCache.For"/>
/// stays fresh and broken rows show up in the log promptly after an edit.
/// </summary>
public sealed partial class TopicRefresher(
    TopicCache cache,
    StorageReadiness readiness,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<TopicRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RulesRefreshInterval, time);
        do
        {
            if (!readiness.IsReady)
            {
                continue;
            }

            try
            {
                await cache.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.RefreshFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Reading table Topics failed: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
