using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>
/// Remembers which platform events were already accepted. Markers are written before the enqueue and confirmed after
/// it, so a crash between the two leads to a second enqueue (harmless: processing is idempotent) rather than to a lost
/// signal. Both calls take many signals at once so concurrent webhooks share their writes (group commit).
/// </summary>
public interface IDedupeStore
{
    /// <summary>Writes a marker for each signal not seen before; returns each signal's state, in order.</summary>
    Task<IReadOnlyList<DedupeState>> BeginAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken);

    /// <summary>Marks the signals durably enqueued, so a redelivery is acknowledged without enqueueing again.</summary>
    Task ConfirmAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken);

    /// <summary>Deletes markers older than their time to live; returns how many went.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
