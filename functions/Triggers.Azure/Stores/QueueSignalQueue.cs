using Azure.Storage.Queues;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Azure.Stores;

/// <summary>Queue <c>signals</c>, base64 JSON messages as the Functions queue trigger expects.</summary>
public sealed class QueueSignalQueue(QueueClient queue) : ISignalQueue
{
    /// <summary>The Queue service's "never expires" (<c>messagettl=-1</c>): a signal waits however long processing is down.</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task EnqueueAsync(IReadOnlyList<Signal> signals, int attempts, CancellationToken cancellationToken) =>
        await Task.WhenAll(SignalMessage.Pack(signals, attempts).Select(m => SendAsync(m, cancellationToken)));

    private async Task SendAsync(string message, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(message, visibilityTimeout: null, timeToLive: NeverExpires, cancellationToken);
}
