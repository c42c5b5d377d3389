using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Triggers.Azure.Storage;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Emotion;
using Triggers.Core.Hosting;
using Triggers.Core.JsonLogic;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Processing;

/// <summary>
/// Handles one message from queue <c>signals</c>: reads it, and hands the signal to the decision pipeline
/// (<see cref="SignalDecisions"/>) unless it was decided already. A message that can never succeed goes to poison.
/// The same code runs under the standalone poller and under the Functions host's queue trigger.
/// </summary>
public sealed partial class SignalProcessor(
    SignalDecisions decisions,
    OutboxTouchpointStore touchpoints,
    PoisonQueue poison,
    ISignalQueue queue,
    SignalCounters counters,
    IOptions<ProcessingOptions> options,
    ILogger<SignalProcessor> logger) : IQueueMessageProcessor
{
    public string QueueName => QueueNames.Signals;

    /// <summary>
    /// Returns once the message is done with (processed, or moved to poison on its last attempt or when it can
    /// never succeed). Throws when it should be retried. A group message (many signals from one ingest round) is split
    /// here: its signals are decided side by side, one contact's in order; a signal that fails goes on alone, in a message
    /// of its own that remembers its attempts, or to poison on its last, so one bad signal never holds up or poisons the rest.
    /// </summary>
    public async Task<ProcessingOutcome> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        using var work = StorageTransactions.For(StorageWork.Processing);
        SignalGroup group;
        try
        {
            group = SignalMessage.Read(messageText);
        }
        catch (FormatException ex)
        {
            // Retrying cannot fix a malformed message.
            await poison.SendAsync(QueueNames.SignalsPoison, messageText, ex.Message, dequeueCount, cancellationToken);
            Log.Poisoned(logger, "(unreadable)", dequeueCount, ex.Message);
            return ProcessingOutcome.Poisoned;
        }

        var attempts = dequeueCount + group.Attempts;
        var firstDelivery = attempts == 1;
        if (group.Items.Count == 1)
        {
            var records = new ConcurrentQueue<ProcessedSignal>();
            var outcome = await ProcessItemAsync(group.Items[0], attempts, firstDelivery, records, retryByThrowing: true, cancellationToken);
            await decisions.RecordAsync(records, cancellationToken);
            return outcome;
        }

        var failed = new ConcurrentQueue<SignalItem>();
        var decided = new ConcurrentQueue<ProcessedSignal>();
        var byContact = group.Items
            .GroupBy(i => i.Signal is { } s ? $"{s.Tenant}|{s.Platform}|{s.Actor.Id}" : i.Json, StringComparer.Ordinal)
            .ToList();
        await Parallel.ForEachAsync(
            byContact,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.GroupParallelism, CancellationToken = cancellationToken },
            async (contact, ct) =>
            {
                foreach (var item in contact)
                {
                    if (await ProcessItemAsync(item, attempts, firstDelivery, decided, retryByThrowing: false, ct) == ProcessingOutcome.Failed)
                    {
                        failed.Enqueue(item);
                    }
                }
            });

        // The group's signals are marked decided together, after all their touchpoints are stored. If this fails, the whole
        // group comes back and is decided again, which changes nothing.
        await decisions.RecordAsync(decided, cancellationToken);

        // Each failed signal goes on alone; if this enqueue fails, the whole group comes back.
        foreach (var item in failed)
        {
            await queue.EnqueueAsync([item.Signal!], checked((int)attempts), cancellationToken);
            Log.SplitOut(logger, item.Signal!.Id, attempts);
        }

        return failed.IsEmpty ? ProcessingOutcome.Processed : ProcessingOutcome.Failed;
    }

    /// <summary>
    /// One signal of a message; its record (when decided now) is added to <paramref name="records"/> for the caller to
    /// store. On failure: poison on the last attempt, else throw (a message of its own: the queue retries it) or report
    /// <see cref="ProcessingOutcome.Failed"/> (one of a group: the caller sends it on alone).
    /// </summary>
    private async Task<ProcessingOutcome> ProcessItemAsync(
        SignalItem item, long attempts, bool firstDelivery, ConcurrentQueue<ProcessedSignal> records, bool retryByThrowing, CancellationToken cancellationToken)
    {
        if (item.Signal is not { } signal)
        {
            await poison.SendAsync(QueueNames.SignalsPoison, item.Json, item.Error!, attempts, cancellationToken);
            Log.Poisoned(logger, "(unreadable)", attempts, item.Error!);
            return ProcessingOutcome.Poisoned;
        }

        // Every line logged while this signal is processed carries its identity, so one signal's story reads as one.
        using var scope = logger.BeginScope(LogScopes.Signal(signal));
        using var activity = TriggersTelemetry.StartContinuing("ProcessSignal", System.Diagnostics.ActivityKind.Consumer, signal.TraceParent);
        try
        {
            if (await DecideAsync(signal, firstDelivery, cancellationToken) is { } record)
            {
                records.Enqueue(record);
            }

            return ProcessingOutcome.Processed;
        }
        catch (Exception ex) when (attempts >= options.Value.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await poison.SendAsync(QueueNames.SignalsPoison, item.Json, ex.Message, attempts, cancellationToken);
            Log.Poisoned(logger, signal.Id, attempts, ex.Message);
            return ProcessingOutcome.Poisoned;
        }
        catch (Exception ex) when (!retryByThrowing && !cancellationToken.IsCancellationRequested)
        {
            Log.FailedInGroup(logger, signal.Id, attempts, ex);
            return ProcessingOutcome.Failed;
        }
    }

    /// <summary>Decides one signal, unless it was decided already, and records the decision.</summary>
    public async Task ProcessAsync(Signal signal, CancellationToken cancellationToken)
    {
        if (await DecideAsync(signal, firstDelivery: false, cancellationToken) is { } record)
        {
            await decisions.RecordAsync([record], cancellationToken);
        }
    }

    /// <returns>The record to store, or null when the signal was decided already.</returns>
    private async Task<ProcessedSignal?> DecideAsync(Signal signal, bool firstDelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (await decisions.FindDecidedAsync(signal, firstDelivery, cancellationToken) is { } decided)
        {
            // Decided already. By the webhook (a passive reply), which records events without publishing them: they are
            // published now. By an earlier delivery: it announced its touchpoints before marking the signal decided.
            foreach (var id in decided.EventsLeftPending ? decided.TouchpointIds : [])
            {
                await touchpoints.PublishLeftPendingAsync(signal.Tenant, id, cancellationToken);
            }

            Log.AlreadyDecided(logger, signal.Id, decided.TouchpointIds.Count);
            return null;
        }

        var (_, record) = await decisions.DecideUnrecordedAsync(signal, null, null, cancellationToken);
        counters.AddDecided();

        return record;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Signal {SignalId} moved to signals-poison after {DequeueCount} attempt(s): {Error}")]
        public static partial void Poisoned(ILogger logger, string signalId, long dequeueCount, string error);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Signal {SignalId} failed on attempt {Attempts} inside a group message; it goes on alone")]
        public static partial void FailedInGroup(ILogger logger, string signalId, long attempts, Exception exception);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Signal {SignalId} split out of its group after {Attempts} attempt(s)")]
        public static partial void SplitOut(ILogger logger, string signalId, long attempts);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Signal {SignalId} was decided already ({Touchpoints} touchpoint(s)); not analysed or decided again")]
        public static partial void AlreadyDecided(ILogger logger, string signalId, int touchpoints);
    }
}
