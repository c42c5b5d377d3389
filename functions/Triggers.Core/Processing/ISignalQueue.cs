using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

/// <summary>Durable hand-off from ingestion to processing (queue <c>signals</c>).</summary>
public interface ISignalQueue
{
    /// <summary>Returns only once the signal is durably stored; throws otherwise.</summary>
    Task EnqueueAsync(Signal signal, CancellationToken cancellationToken);
}
