using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>Durable hand-off from ingestion to processing (queue <c>signals</c>).</summary>
public interface ISignalQueue
{
    /// <summary>
    /// Stores the signals in as few messages as fit (see <see cref="SignalMessage.Pack"/>), with the attempts they already
    /// had. Returns only once every one is durably stored; throws otherwise (some may be stored then: processing is idempotent).
    /// </summary>
    Task EnqueueAsync(IReadOnlyList<Signal> signals, int attempts, CancellationToken cancellationToken);
}
