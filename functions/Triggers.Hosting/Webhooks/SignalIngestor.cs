using Triggers.Hosting.Processing;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// Dedupes and durably enqueues verified signals. Returns only when every signal is either enqueued or
/// known to be enqueued already; any failure propagates so the caller answers 5xx and the platform retries.
/// </summary>
public sealed partial class SignalIngestor(IDedupeStore dedupe, ISignalQueue queue, ILogger<SignalIngestor> logger)
{
    public async Task<int> IngestAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var enqueued = 0;
        foreach (var signal in signals)
        {
            var state = await dedupe.BeginAsync(signal, cancellationToken);
            if (state == DedupeState.Duplicate)
            {
                Log.Duplicate(logger, signal.Channel, signal.Id, signal.DedupeKey);
                continue;
            }

            await queue.EnqueueAsync(signal with { TraceParent = TriggersTelemetry.CurrentTraceParent() ?? signal.TraceParent }, cancellationToken);
            await dedupe.ConfirmAsync(signal, cancellationToken);
            enqueued++;
            Log.Enqueued(logger, signal.Channel, signal.Id, signal.Kind, state == DedupeState.Unconfirmed);
        }

        return enqueued;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Signal {SignalId} from channel {Channel} enqueued (kind {Kind}, re-enqueue of unconfirmed: {Retry})")]
        public static partial void Enqueued(ILogger logger, string channel, string signalId, string kind, bool retry);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Signal {SignalId} from channel {Channel} is a redelivery of {DedupeKey}; acknowledged without enqueueing")]
        public static partial void Duplicate(ILogger logger, string channel, string signalId, string dedupeKey);
    }
}
