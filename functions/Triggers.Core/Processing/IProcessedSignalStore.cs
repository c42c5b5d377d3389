namespace Triggers.Core.Processing;

public interface IProcessedSignalStore
{
    /// <summary>Idempotent: saving the same signal twice leaves one record.</summary>
    Task SaveAsync(ProcessedSignal signal, CancellationToken cancellationToken);

    /// <summary>Newest first by occurrence time.</summary>
    Task<IReadOnlyList<ProcessedSignal>> ListAsync(string channel, int limit, CancellationToken cancellationToken);

    /// <summary>The contact's (the signals' actor's) latest signals on the channel, newest first by occurrence time.</summary>
    Task<IReadOnlyList<ProcessedSignal>> ListForContactAsync(string channel, string contact, int limit, CancellationToken cancellationToken);
}
