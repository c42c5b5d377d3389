using System.Diagnostics;
using Triggers.Core.Contacts;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Decisions;

/// <summary>
/// The one way a signal becomes touchpoints: analyse once → contact state and emotion → rules in priority order (with
/// cooldowns) → planning → guardrails → record. The queue worker, passive replies and the simulator all call this; they
/// differ only in the ports they pass. Every step is idempotent per signal id (deterministic touchpoint ids, cooldowns
/// and emotion keyed by signal, insert-if-absent), so deciding a signal again changes nothing.
/// </summary>
public sealed class DecisionPipeline
{
    private readonly DecisionPorts _ports;
    private readonly DecisionSettings _settings;
    private readonly ContactObserver _contacts;
    private readonly EmotionTracker _emotions;
    private readonly CooldownGate _cooldowns;
    private readonly GuardrailFacts _facts;

    public DecisionPipeline(DecisionPorts ports, DecisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(settings);
        _ports = ports;
        _settings = settings;
        _contacts = new ContactObserver(ports.Contacts, ports.Touchpoints, ports.Ledger);
        _emotions = new EmotionTracker(ports.Emotions, ports.Rooms, settings.Emotion, ports.Time);
        _cooldowns = new CooldownGate(ports.Cooldowns);
        _facts = new GuardrailFacts(ports.Contacts, ports.Ledger, ports.Touchpoints);
    }

    public async Task<SignalDecision> DecideAsync(Signal signal, RuleSet rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(rules);
        var now = _ports.Time.GetUtcNow();
        var policy = _settings.Guardrails(signal.Tenant);
        var analysis = await _ports.Analyzer.AnalyzeAsync(signal, cancellationToken);

        // Consent and the contact window first, so this signal's own opt-out already counts.
        var contact = await _contacts.ObserveAsync(signal, policy, now, cancellationToken);
        var emotion = await _emotions.ApplyAsync(signal, analysis, cancellationToken);
        var data = ConditionData.BuildLogicData(signal, analysis, null, emotion);
        var platform = _settings.PlatformOf(signal.Channel) ?? signal.Platform;
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : signal.TraceParent;
        var decisions = new List<RuleDecision>();
        foreach (var rule in rules.ForTenant(signal.Tenant))
        {
            if (!rule.Matches(data))
            {
                continue;
            }

            if (!await _cooldowns.TryPassAsync(rule, signal.Actor.Id, signal.Id, signal.OccurredAt, cancellationToken))
            {
                decisions.Add(new RuleDecision(rule, CooledDown: true, []));
                continue;
            }

            var touchpoints = new List<Touchpoint>();
            foreach (var planned in TouchpointPlanner.Plan(rule, signal, analysis, emotion, now, platform))
            {
                var decided = await JudgeAsync(planned, policy, contact.State, now, cancellationToken) with { TraceParent = traceParent };

                // Recorded before the next is judged, so the caps count it. Found recorded already (the signal is decided
                // again after a crash or a platform retry): the first verdict stands, whatever a second judgement says.
                if (await _ports.Touchpoints.TryAddAsync(decided, cancellationToken) is null
                    && await _ports.Touchpoints.GetAsync(decided.Tenant, decided.Id, cancellationToken) is { } recorded)
                {
                    decided = recorded;
                }

                touchpoints.Add(decided);
            }

            decisions.Add(new RuleDecision(rule, CooledDown: false, touchpoints));
        }

        return new SignalDecision(signal, analysis, contact, emotion, decisions, now);
    }

    /// <summary>The guardrails at planning: a blocked touchpoint is kept (status blocked, with the guardrail's name), a deferred one gets its new due time.</summary>
    private async Task<Touchpoint> JudgeAsync(Touchpoint planned, GuardrailOptions policy, ContactState signalContact, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var platform = planned.Platform ?? _settings.PlatformOf(planned.Channel) ?? string.Empty;
        var context = await _facts.LoadAsync(planned, platform, policy, GuardrailStage.Planning, now, cancellationToken, signalContact);
        return GuardrailEvaluator.Evaluate(planned, context, policy, _settings.GuardrailOrder).ApplyTo(planned);
    }
}
