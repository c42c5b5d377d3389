using Triggers.Hosting.Portfolio;

namespace Triggers.App.Standalone;

/// <summary>Standalone: the hourly ComputeControlLines timer, run in-process (in Azure, the ComputeControlLines timer function).</summary>
public sealed class ControlLinesTimer(ControlLineService lines, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Each tenant's failure is logged inside; the next hour tries again.
            await lines.ComputeAllAsync(stoppingToken);
        }
    }
}
