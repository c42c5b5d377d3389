using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Triggers.Azure.Storage;
using Triggers.Hosting.Processing;
using Triggers.Core.Processing;
using Triggers.Core.Signals;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// Dedupes and durably enqueues verified signals, with group commit: concurrent callers share one round of writes
/// (dedupe markers per partition in one entity-group transaction, the new signals in as few queue messages as fit).
/// A caller returns only when the round holding its signals is durable, and fails with the round. A lone caller's round
/// starts at once; under load a round waits <see cref="GroupCommitOptions.Linger"/> for company while another is writing.
/// Confirming the markers happens after the callers are answered: a crash before it only makes a redelivery enqueue again,
/// which processing absorbs.
/// </summary>
public sealed partial class SignalIngestor(
    IDedupeStore dedupe,
    ISignalQueue queue,
    SignalCounters counters,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<SignalIngestor> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Waiting> _waiting = [];
    private readonly ConcurrentDictionary<(string Channel, string Id), byte> _confirming = new();
    private readonly ConcurrentDictionary<Task, byte> _confirms = new();
    private int _rounds;
    private int _writing;

    private GroupCommitOptions Settings => options.Value.GroupCommit;

    /// <summary>Returns how many of the signals were enqueued (the rest were already); throws if they could not be stored.</summary>
    public async Task<int> IngestAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        cancellationToken.ThrowIfCancellationRequested();
        if (signals.Count == 0)
        {
            return 0;
        }

        var traceParent = TriggersTelemetry.CurrentTraceParent();
        var waiting = new Waiting([.. signals.Select(s => s with { TraceParent = traceParent ?? s.TraceParent })], cancellationToken);
        bool start;
        lock (_gate)
        {
            _waiting.Add(waiting);
            start = _rounds < Settings.MaxConcurrent;
            if (start)
            {
                _rounds++;
            }
        }

        if (start)
        {
            // The loop commits other callers' signals too, so it must not carry this request's trace or log scope.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(CommitLoopAsync, CancellationToken.None);
            }
        }

        return await waiting.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits for confirmations still being written, so a clean shutdown leaves no marker unconfirmed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_confirms.Keys).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // ConfirmAsync logs its own failures, so only the wait can fail; an unconfirmed marker only costs a second
            // enqueue on redelivery.
        }
    }

    private async Task CommitLoopAsync()
    {
        using var work = StorageTransactions.For(StorageWork.Ingest);
        while (true)
        {
            bool underLoad;
            lock (_gate)
            {
                underLoad = _writing > 0 && _waiting.Sum(w => w.Signals.Count) < Settings.MaxSignals;
            }

            if (underLoad && Settings.Linger > TimeSpan.Zero)
            {
                // A scheduling pause, not domain time: it must pass even where tests fake the clock.
                await Task.Delay(Settings.Linger, CancellationToken.None);
            }

            List<Waiting> round;
            lock (_gate)
            {
                round = TakeRound();
                if (round.Count == 0)
                {
                    _rounds--;
                    return;
                }

                _writing++;
            }

            try
            {
                await CommitAsync(round);
            }
            finally
            {
                lock (_gate)
                {
                    _writing--;
                }
            }
        }
    }

    /// <summary>Takes waiting callers up to the signal limit (always at least one); callers that gave up are dropped unstored.</summary>
    private List<Waiting> TakeRound()
    {
        var round = new List<Waiting>();
        var signals = 0;
        var taken = 0;
        foreach (var waiting in _waiting)
        {
            if (round.Count > 0 && signals + waiting.Signals.Count > Settings.MaxSignals)
            {
                break;
            }

            taken++;
            if (waiting.CallerGaveUp.IsCancellationRequested)
            {
                waiting.Result.TrySetCanceled(waiting.CallerGaveUp);
                continue;
            }

            round.Add(waiting);
            signals += waiting.Signals.Count;
        }

        _waiting.RemoveRange(0, taken);
        return round;
    }

    private async Task CommitAsync(List<Waiting> round)
    {
        // One entry per signal identity: a redelivery that arrives while its first delivery is in this round is a duplicate.
        var owners = new Dictionary<(string Channel, string Id), Waiting>();
        var unique = new List<Signal>();
        foreach (var waiting in round)
        {
            foreach (var signal in waiting.Signals)
            {
                var key = (signal.Channel, signal.Id);
                if (!owners.TryAdd(key, waiting))
                {
                    continue;
                }

                if (_confirming.ContainsKey(key))
                {
                    // Enqueued by an earlier round of this process moments ago; its marker is being confirmed.
                    Log.Duplicate(logger, signal.Channel, signal.Id, signal.DedupeKey);
                    continue;
                }

                unique.Add(signal);
            }
        }

        List<Signal> enqueued;
        try
        {
            using var budget = new CancellationTokenSource(options.Value.IngestTimeout, time);
            var states = unique.Count == 0 ? [] : await dedupe.BeginAsync(unique, budget.Token);
            enqueued = [.. unique.Where((_, i) => states[i] != DedupeState.Duplicate)];
            if (enqueued.Count > 0)
            {
                await queue.EnqueueAsync(enqueued, 0, budget.Token);
            }

            for (var i = 0; i < unique.Count; i++)
            {
                if (states[i] == DedupeState.Duplicate)
                {
                    Log.Duplicate(logger, unique[i].Channel, unique[i].Id, unique[i].DedupeKey);
                }
                else
                {
                    Log.Enqueued(logger, unique[i].Channel, unique[i].Id, unique[i].Kind, states[i] == DedupeState.Unconfirmed);
                }
            }
        }
        catch (Exception ex)
        {
            foreach (var waiting in round)
            {
                waiting.Result.TrySetException(ex);
            }

            return;
        }

        counters.AddEnqueued(enqueued.Count);
        var counts = round.ToDictionary(w => w, _ => 0);
        foreach (var signal in enqueued)
        {
            counts[owners[(signal.Channel, signal.Id)]]++;
            _confirming.TryAdd((signal.Channel, signal.Id), 0);
        }

        foreach (var waiting in round)
        {
            waiting.Result.TrySetResult(counts[waiting]);
        }

        if (enqueued.Count > 0)
        {
            Track(ConfirmAsync(enqueued));
        }
    }

    private async Task ConfirmAsync(List<Signal> enqueued)
    {
        try
        {
            using var budget = new CancellationTokenSource(options.Value.IngestTimeout, time);
            await dedupe.ConfirmAsync(enqueued, budget.Token);
        }
        catch (Exception ex)
        {
            Log.ConfirmFailed(logger, enqueued.Count, ex);
        }
        finally
        {
            foreach (var signal in enqueued)
            {
                _confirming.TryRemove((signal.Channel, signal.Id), out _);
            }
        }
    }

    private void Track(Task confirm)
    {
        _confirms.TryAdd(confirm, 0);
        _ = confirm.ContinueWith(t => _confirms.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed class Waiting(IReadOnlyList<Signal> signals, CancellationToken callerGaveUp)
    {
        public IReadOnlyList<Signal> Signals { get; } = signals;

        public CancellationToken CallerGaveUp { get; } = callerGaveUp;

        public TaskCompletionSource<int> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Signal {SignalId} from channel {Channel} enqueued (kind {Kind}, re-enqueue of unconfirmed: {Retry})")]
        public static partial void Enqueued(ILogger logger, string channel, string signalId, string kind, bool retry);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Signal {SignalId} from channel {Channel} is a redelivery of {DedupeKey}; acknowledged without enqueueing")]
        public static partial void Duplicate(ILogger logger, string channel, string signalId, string dedupeKey);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Confirming {Count} enqueued signal(s) in table Dedupe failed; a redelivery of them will be enqueued again (processing ignores the copy)")]
        public static partial void ConfirmFailed(ILogger logger, int count, Exception exception);
    }
}
