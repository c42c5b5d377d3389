using Triggers.Hosting.Rules;
using Triggers.Core.Decisions;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;

namespace Triggers.Hosting.Processing;

/// <summary>
/// The decision pipeline over the table stores, and the record of what it decided: the processed signal with its
/// analysis and touchpoints, written last, so a signal marked decided has every touchpoint stored.
/// </summary>
public sealed partial class SignalDecisions(
    DecisionPorts ports, DecisionSettings settings, RuleCache rules, IProcessedSignalStore signals, ILogger<SignalDecisions> logger)
{
    /// <summary>The signal's record when it was decided already (by a passive reply, or before a redelivery); otherwise null.</summary>
    /// <param name="firstDelivery">
    /// The queue delivers this message for the first time. Then only a passive reply can have decided the signal, so the
    /// record is read only when the tenant has a passive rule. A rare duplicate message is decided again, which changes
    /// nothing: every step is idempotent per signal id.
    /// </param>
    public async Task<ProcessedSignal?> FindDecidedAsync(Signal signal, bool firstDelivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (firstDelivery && !(await rules.GetAsync(cancellationToken)).ForTenant(signal.Tenant).Any(r => r.Actions.Any(a => a.PassiveReply)))
        {
            return null;
        }

        return await signals.GetAsync(signal, cancellationToken) is { Decided: true } decided ? decided : null;
    }

    /// <summary>Decides the signal with the live rules (or <paramref name="ruleSet"/>) and records the decision.</summary>
    /// <param name="touchpoints">
    /// Where touchpoints are recorded, when not the default store: the passive-reply path, which leaves their events for
    /// the worker to publish.
    /// </param>
    public async Task<SignalDecision> DecideAsync(Signal signal, RuleSet? ruleSet, ITouchpointStore? touchpoints, CancellationToken cancellationToken)
    {
        var (decision, record) = await DecideUnrecordedAsync(signal, ruleSet, touchpoints, cancellationToken);
        if (record is not null)
        {
            await RecordAsync([record], cancellationToken);
        }

        return decision;
    }

    /// <summary>
    /// Decides the signal and returns the record that marks it decided, for the caller to store with
    /// <see cref="RecordAsync"/> (a group message stores its signals' records together, after all their touchpoints).
    /// </summary>
    /// <returns>The record is null for a signal of an erased account from before its erasure: nothing of it is stored.</returns>
    public async Task<(SignalDecision Decision, ProcessedSignal? Record)> DecideUnrecordedAsync(
        Signal signal, RuleSet? ruleSet, ITouchpointStore? touchpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var pipeline = new DecisionPipeline(touchpoints is null ? ports : ports with { Touchpoints = touchpoints }, settings);
        var decision = await pipeline.DecideAsync(signal, ruleSet ?? await rules.GetAsync(cancellationToken), cancellationToken);
        if (decision.Erased)
        {
            Log.ErasedDropped(logger, signal.Id);
            return (decision, null);
        }

        Report(decision);
        var record = new ProcessedSignal(signal, decision.Analysis, decision.DecidedAt)
        {
            Decided = true,
            EventsLeftPending = touchpoints is not null,
            TouchpointIds = [.. decision.Touchpoints.Select(t => t.Id)],
        };
        Log.Processed(logger, signal.Id, signal.Channel, decision.Analysis.Label, record.TouchpointIds.Count);
        return (decision, record);
    }

    /// <summary>Marks the signals decided: written last, so a signal marked decided has every touchpoint stored.</summary>
    public async Task RecordAsync(IReadOnlyCollection<ProcessedSignal> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await (records.Count == 1 ? signals.SaveAsync(records.First(), cancellationToken) : signals.SaveManyAsync(records, cancellationToken));
    }

    private void Report(SignalDecision decision)
    {
        var signal = decision.Signal;
        if (decision.Contact.ConsentChanged)
        {
            Log.ConsentChanged(logger, signal.Actor.Id, signal.Channel, decision.Contact.State.OptedOut ? "opted out" : "opted in", decision.Contact.State.ConsentSource ?? string.Empty);
        }

        if (decision.LinkRefusal is { } refusal)
        {
            Log.NotLinked(logger, signal.Id, refusal);
        }

        foreach (var gaveWay in decision.Contact.GaveWay)
        {
            Log.GaveWay(logger, gaveWay.Id, gaveWay.Contact, gaveWay.Status);
        }

        foreach (var rule in decision.Rules)
        {
            if (rule.CooledDown)
            {
                Log.CoolingDown(logger, rule.Rule.Id, signal.Actor.Id, signal.Id);
            }

            foreach (var touchpoint in rule.Touchpoints)
            {
                Log.Planned(logger, touchpoint.Id, touchpoint.Type, rule.Rule.Id, signal.Id, touchpoint.Status, touchpoint.DueAt);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Signal {SignalId} from {Channel} decided: sentiment {Label}, {Touchpoints} touchpoint(s)")]
        public static partial void Processed(ILogger logger, string signalId, string channel, string label, int touchpoints);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} ({Type}) from rule {RuleId} for signal {SignalId}: {Status}, due {DueAt:o}")]
        public static partial void Planned(ILogger logger, string touchpointId, string type, string ruleId, string signalId, string status, DateTimeOffset dueAt);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Rule {RuleId} matched signal {SignalId} but is cooling down for contact {Contact}")]
        public static partial void CoolingDown(ILogger logger, string ruleId, string contact, string signalId);

        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Contact {Contact} on {Channel} {Change} ({Source})")]
        public static partial void ConsentChanged(ILogger logger, string contact, string channel, string change, string source);

        [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Signal {SignalId} is from an erased account and happened before its erasure: dropped, nothing stored")]
        public static partial void ErasedDropped(ILogger logger, string signalId);

        [LoggerMessage(EventId = 3407, Level = LogLevel.Warning, Message = "Signal {SignalId} linked nothing (identify, or a unionid or phone it carried): {Reason}")]
        public static partial void NotLinked(ILogger logger, string signalId, string reason);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} for {Contact} gave way to a person: now {Status}")]
        public static partial void GaveWay(ILogger logger, string touchpointId, string contact, string status);
    }
}
