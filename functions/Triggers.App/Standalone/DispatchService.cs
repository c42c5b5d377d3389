using Triggers.Hosting.Touchpoints;
namespace Triggers.App.Standalone;

/// <summary>Standalone: the DispatchTouchpoints timer, run in-process (in Azure, the DispatchTouchpoints timer function).</summary>
public sealed partial class DispatchService(TouchpointDispatcher dispatcher, Microsoft.Extensions.Options.IOptions<DispatchOptions> options, TimeProvider time, ILogger<DispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                // Stopping only stops claiming: a send in flight is finished and recorded (the host waits for it),
                // so a restart does not send it again.
                await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.RunFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Dispatching due touchpoints failed; the next run tries again: {Reason}")]
        public static partial void RunFailed(ILogger logger, string reason);
    }
}
