using Triggers.Hosting.Processing;

namespace Triggers.App.Standalone;

/// <summary>Standalone: the hourly PurgeExpired timer, run in-process (in Azure, the PurgeExpired timer function).</summary>
public sealed partial class DedupePurgeService(StoragePurge purge, TimeProvider time, ILogger<DedupePurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PurgeAsync(stoppingToken);
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var purged = await purge.PurgeAsync(time.GetUtcNow(), cancellationToken);
            Log.Purged(logger, purged);
            return purged;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.PurgeFailed(logger, ex.Message);
            return 0;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Purged {Count} expired dedupe marker(s), emotion points, room minutes and send-ledger touches")]
        public static partial void Purged(ILogger logger, int count);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Purging expired records failed: {Reason}")]
        public static partial void PurgeFailed(ILogger logger, string reason);
    }
}
