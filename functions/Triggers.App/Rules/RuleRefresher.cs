using Microsoft.Extensions.Options;
using Triggers.App.Processing;
using Triggers.App.Storage;

namespace Triggers.App.Rules;

/// <summary>
/// Re-reads table <c>Rules</c> on an interval even when no signal arrives, so broken rules show up in the
/// log and in /api/health promptly after an edit.
/// </summary>
public sealed partial class RuleRefresher(
    RuleCache cache,
    StorageReadiness readiness,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<RuleRefresher> logger) : BackgroundService
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
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Reading table Rules failed: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string reason);
    }
}
