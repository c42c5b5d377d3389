using Triggers.Core.Signals;

namespace Triggers.Core.Processing;

public interface IProcessedSignalStore
{
    /// <summary>Idempotent: saving the same signal twice leaves one record.</summary>
    Task SaveAsync(ProcessedSignal signal, CancellationToken cancellationToken);

    /// <summary>Saves many at once (the signals of one group message), as few writes as the store allows; idempotent like <see cref="SaveAsync"/>.</summary>
    Task SaveManyAsync(IReadOnlyCollection<ProcessedSignal> signals, CancellationToken cancellationToken);

    /// <summary>The record of this signal (same channel, time and id), or null when it was never decided.</summary>
    Task<ProcessedSignal?> GetAsync(Signal signal, CancellationToken cancellationToken);

    /// <summary>Newest first by occurrence time.</summary>
    Task<IReadOnlyList<ProcessedSignal>> ListAsync(string channel, int limit, CancellationToken cancellationToken);

    /// <summary>The contact's (the signals' actor's) latest signals on the channel, newest first by occurrence time.</summary>
    Task<IReadOnlyList<ProcessedSignal>> ListForContactAsync(string channel, string contact, int limit, CancellationToken cancellationToken);
}
