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
/// Handles one message from queue <c>signals</c>: analyse, store, evaluate rules, record planned touchpoints.
/// Every step is idempotent (deterministic ids, upserts, insert-if-absent), so a redelivery repeats nothing.
/// The same code runs under the standalone poller and under the Functions host's queue trigger.
/// </summary>
public sealed partial class SignalProcessor(
    SignalAnalysis analyzer,
    EmotionTracker emotions,
    IProcessedSignalStore signals,
    ITouchpointStore touchpoints,
    RuleCache rules,
    CooldownGate cooldowns,
    ContactTracking contactTracking,
    PlanningGuardrails planningGuardrails,
    PoisonQueue poison,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
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
        var analysis = await analyzer.AnalyzeAsync(signal, cancellationToken);
        var now = time.GetUtcNow();
        await signals.SaveAsync(new ProcessedSignal(signal, analysis, now), cancellationToken);

        // Consent, the 48-hour window and human precedence first, so this signal's own opt-out already counts.
        await contactTracking.ObserveAsync(signal, now, cancellationToken);

        // Idempotent per signal id, so a redelivery sees the same emotion data and moves no baseline.
        var emotion = await emotions.ApplyAsync(signal, analysis, cancellationToken);
        var ruleSet = await rules.GetAsync(cancellationToken);
        var prepared = ConditionData.BuildLogicData(signal, analysis, null, emotion);
        var planned = 0;
        foreach (var rule in ruleSet.ForTenant(signal.Tenant))
        {
            if (!rule.Matches(prepared))
            {
                continue;
            }

            if (!await cooldowns.TryPassAsync(rule, signal.Actor.Id, signal.Id, signal.OccurredAt, cancellationToken))
            {
                Log.CoolingDown(logger, rule.Id, signal.Actor.Id, signal.Id);
                continue;
            }

            foreach (var plannedTouchpoint in TouchpointPlanner.Plan(rule, signal, analysis, emotion, now, planningGuardrails.PlatformOf(signal)))
            {
                // Guardrails at planning too: a blocked touchpoint is kept (status blocked, with the guardrail's name).
                var touchpoint = await planningGuardrails.ApplyAsync(plannedTouchpoint, now, cancellationToken);
                if (await touchpoints.TryAddAsync(touchpoint with { TraceParent = TriggersTelemetry.CurrentTraceParent() }, cancellationToken) is not null)
                {
                    planned++;
                    Log.Planned(logger, touchpoint.Id, touchpoint.Type, rule.Id, signal.Id, touchpoint.DueAt);
                }
            }
        }

        Log.Processed(logger, signal.Id, signal.Channel, analysis.Label, planned);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Signal {SignalId} from {Channel} processed: sentiment {Label}, {Planned} touchpoint(s) planned")]
        public static partial void Processed(ILogger logger, string signalId, string channel, string label, int planned);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} ({Type}) planned by rule {RuleId} for signal {SignalId}, due {DueAt:o}")]
        public static partial void Planned(ILogger logger, string touchpointId, string type, string ruleId, string signalId, DateTimeOffset dueAt);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Signal {SignalId} moved to signals-poison after {DequeueCount} attempt(s): {Error}")]
        public static partial void Poisoned(ILogger logger, string signalId, long dequeueCount, string error);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Rule {RuleId} matched signal {SignalId} but is cooling down for contact {Contact}")]
        public static partial void CoolingDown(ILogger logger, string ruleId, string contact, string signalId);
    }
}
