using Microsoft.Extensions.Options;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Triggers.App.Standalone;

/// <summary>
/// Standalone: polls one Storage queue the way the Functions queue trigger does in Azure (delete after
/// success, retry with back-off, poison after the last attempt).
/// </summary>
public sealed partial class QueueWorker(
    QueueServiceClient queues,
    IQueueMessageProcessor processor,
    StorageReadiness readiness,
    IOptions<ProcessingOptions> options,
    ILogger<QueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// On stop, the messages in hand get this long to finish (inside the host's 30 s shutdown): a signal stopped halfway
    /// comes back and is decided again, which is safe but announces its touchpoints a second time.
    /// </summary>
    private static readonly TimeSpan FinishOnStop = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(processor.QueueName);
        var delay = MinPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueueMessage> messages = [];
            if (readiness.IsReady)
            {
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, stoppingToken)).Value;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.ReceiveFailed(logger, queue.Name, ex.Message);
                }
            }

            // Side by side, as the Functions host runs a batch: one slow signal must not hold up the others.
            using (var finish = new CancellationTokenSource())
            using (stoppingToken.Register(() => finish.CancelAfter(FinishOnStop)))
            {
                await Task.WhenAll(messages.Select(m => HandleAsync(queue, m, finish.Token)));
            }

            // Back off while idle, up to MaxPollInterval; poll again at once while there is work.
            delay = messages.Count > 0 ? MinPollInterval : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxPollInterval.Ticks));
            if (messages.Count == 0)
            {
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Leave it on the queue; it comes back after a back-off that grows with each attempt.
            var retryIn = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.DequeueCount), 60));
            Log.ProcessingFailed(logger, queue.Name, message.MessageId, message.DequeueCount, retryIn, ex);
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: retryIn, cancellationToken: cancellationToken);
            }
            catch (Exception updateError) when (!cancellationToken.IsCancellationRequested)
            {
                Log.ReceiveFailed(logger, queue.Name, updateError.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed: {Reason}")]
        public static partial void ReceiveFailed(ILogger logger, string queue, string reason);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Message {MessageId} of queue {Queue} failed on attempt {DequeueCount}; retrying in {RetryIn}")]
        public static partial void ProcessingFailed(ILogger logger, string queue, string messageId, long dequeueCount, TimeSpan retryIn, Exception exception);
    }
}
