using Triggers.Azure.Queues;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Azure.Stores;

/// <summary>Queue <c>signals</c>, base64 JSON messages as the Functions queue trigger expects.</summary>
public sealed class QueueSignalQueue(QueueClient queue) : ISignalQueue
{
    public async Task EnqueueAsync(Signal signal, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(SignalMessage.Serialize(signal), visibilityDelay: null, timeToLive: TimeSpan.MaxValue, cancellationToken);
}
