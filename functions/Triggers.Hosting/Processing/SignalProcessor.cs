using Microsoft.Extensions.Options;
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
    IOptions<ProcessingOptions> options,
    ILogger<SignalProcessor> logger) : IQueueMessageProcessor
{
    public string QueueName => QueueNames.Signals;

    /// <summary>
    /// Returns once the message is done with (processed, or moved to poison on its last attempt or when it can
    /// never succeed). Throws when it should be retried.
    /// </summary>
    public async Task<ProcessingOutcome> ProcessAsync(string messageText, long dequeueCount, CancellationToken cancellationToken)
    {
        Signal signal;
        try
        {
            signal = SignalMessage.Deserialize(messageText);
        }
        catch (FormatException ex)
        {
            // Retrying cannot fix a malformed message.
            await poison.SendAsync(QueueNames.SignalsPoison, messageText, ex.Message, dequeueCount, cancellationToken);
            Log.Poisoned(logger, "(unreadable)", dequeueCount, ex.Message);
            return ProcessingOutcome.Poisoned;
        }

        // Every line logged while this signal is processed carries its identity, so one signal's story reads as one.
        using var scope = logger.BeginScope(LogScopes.Signal(signal));
        using var activity = TriggersTelemetry.StartContinuing("ProcessSignal", System.Diagnostics.ActivityKind.Consumer, signal.TraceParent);
        try
        {
            await ProcessAsync(signal, cancellationToken);
            return ProcessingOutcome.Processed;
        }
        catch (Exception ex) when (dequeueCount >= options.Value.MaxDequeueCount && !cancellationToken.IsCancellationRequested)
        {
            await poison.SendAsync(QueueNames.SignalsPoison, messageText, ex.Message, dequeueCount, cancellationToken);
            Log.Poisoned(logger, signal.Id, dequeueCount, ex.Message);
            return ProcessingOutcome.Poisoned;
        }
    }

    public async Task ProcessAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (await decisions.FindDecidedAsync(signal, cancellationToken) is { } decided)
        {
            // Decided already. By the webhook (a passive reply), which records events without publishing them: they are
            // published now. By an earlier delivery of this message: its writes published their own (the sweep covers a crash).
            foreach (var id in decided.EventsLeftPending ? decided.TouchpointIds : [])
            {
                await touchpoints.PublishLeftPendingAsync(signal.Tenant, id, cancellationToken);
            }

            Log.AlreadyDecided(logger, signal.Id, decided.TouchpointIds.Count);
            return;
        }

        await decisions.DecideAsync(signal, null, null, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Signal {SignalId} moved to signals-poison after {DequeueCount} attempt(s): {Error}")]
        public static partial void Poisoned(ILogger logger, string signalId, long dequeueCount, string error);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Signal {SignalId} was decided already ({Touchpoints} touchpoint(s)); not analysed or decided again")]
        public static partial void AlreadyDecided(ILogger logger, string signalId, int touchpoints);
    }
}
