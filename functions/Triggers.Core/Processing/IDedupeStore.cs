using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>
/// Remembers which platform events were already accepted. A marker is written before the enqueue and
/// confirmed after it, so a crash between the two leads to a second enqueue (harmless: processing is
/// idempotent) rather than to a lost signal.
/// </summary>
public interface IDedupeStore
{
    Task<DedupeState> BeginAsync(Signal signal, CancellationToken cancellationToken);

    Task ConfirmAsync(Signal signal, CancellationToken cancellationToken);

    /// <summary>Deletes markers older than their time to live; returns how many went.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
