using Triggers.Hosting.Processing;

namespace Triggers.Functions.Timers;

/// <summary>Hourly: drops dedupe markers, emotion points, room minutes and send-ledger touches past their retention.</summary>
public sealed class PurgeExpired(StoragePurge purge, TimeProvider time)
{
    public const string Schedule = "0 17 * * * *";

    [Function(nameof(PurgeExpired))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.PurgeAsync(time.GetUtcNow(), cancellationToken);
}
