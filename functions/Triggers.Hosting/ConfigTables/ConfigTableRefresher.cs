using Microsoft.Extensions.Options;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Storage;

namespace Triggers.Hosting.ConfigTables;

/// <summary>
/// Re-reads a staff-edited table on Processing:RulesRefreshInterval even when no signal arrives, so edits apply
/// and broken rows show up in the log and in /api/health promptly.
/// </summary>
public sealed partial class ConfigTableRefresher<TCache>(
    TCache cache,
    StorageReadiness readiness,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<ConfigTableRefresher<TCache>> logger) : BackgroundService
    where TCache : IConfigTableCache
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
                Log.RefreshFailed(logger, cache.TableName, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Reading table {Table} failed: {Reason}")]
        public static partial void RefreshFailed(ILogger logger, string table, string reason);
    }
}
