using Triggers.Hosting.Portfolio;

namespace Triggers.Functions.Timers;

/// <summary>Hourly: every tenant's control lines computed and kept, one alert per line newly crossed (docs/portfolio.md).</summary>
public sealed class ComputeControlLines(ControlLineService lines)
{
    public const string Schedule = "0 5 * * * *";

    [Function(nameof(ComputeControlLines))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        lines.ComputeAllAsync(cancellationToken);
}
