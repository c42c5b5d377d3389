using Triggers.Hosting.Processing;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Analysis;
using Triggers.Core.Contacts;
using Triggers.Core.JsonLogic;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;
using Triggers.Platforms;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// A rule action with <c>"reply": "passive"</c> is answered inside the webhook response, on platforms that
/// allow it. The touchpoint is recorded as sent before the answer goes out, under the same id the worker would
/// plan, so the worker never plans it a second time; a platform retry of the same delivery repeats the answer.
/// </summary>
public sealed partial class PassiveReplies(
    SignalAnalysis analyzer,
    RuleCache rules,
    CooldownGate cooldowns,
    OutboxTouchpointStore touchpoints,
    IContactStateStore contacts,
    GuardrailPolicies guardrails,
    TimeProvider time,
    ILogger<PassiveReplies> logger)
{
    public async Task<WebhookReply?> TryReplyAsync(
        IPassiveReplyAdapter adapter, WebhookRequest request, ChannelSettings channel, Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(signal);
        var ruleSet = await rules.GetAsync(cancellationToken);
        var candidates = ruleSet.ForTenant(signal.Tenant);
        if (!candidates.Any(r => r.Actions.Any(a => a.PassiveReply)))
        {
            return null;
        }

        var analysis = await analyzer.AnalyzeAsync(signal, cancellationToken);
        var data = ConditionData.BuildLogicData(signal, analysis, null);
        var now = time.GetUtcNow();

        // A contact who has opted out (or is opting out with this very message) gets no automated answer.
        var known = await contacts.GetAsync(signal.Tenant, signal.Channel, signal.Actor.Id, cancellationToken);
        if (ConsentRules.Apply(known, signal, guardrails.For(signal.Tenant), now) is { OptedOut: true })
        {
            Log.OptedOut(logger, signal.Actor.Id, signal.Id);
            return null;
        }

        foreach (var rule in candidates.Where(r => r.Actions.Any(a => a.PassiveReply) && r.Matches(data)))
        {
            // The same gate as the worker's: a rule in its cooldown for this contact does not answer either.
            if (!await cooldowns.TryPassAsync(rule, signal.Actor.Id, signal.Id, signal.OccurredAt, cancellationToken))
            {
                continue;
            }

            var planned = TouchpointPlanner.Plan(rule, signal, analysis, now);
            for (var i = 0; i < rule.Actions.Count; i++)
            {
                var action = rule.Actions[i];
                if (!action.PassiveReply || (action.Channel ?? signal.Channel) != signal.Channel)
                {
                    continue;
                }

                var text = action.Text ?? action.Template ?? string.Empty;
                var sent = planned.Single(t => t.ActionIndex == i) with
                {
                    Status = TouchpointStatus.Sent,
                    Why = planned.Single(t => t.ActionIndex == i).Why + " Sent as the passive reply in the webhook response.",
                };
                // Built before anything is recorded: a signal the platform cannot answer passively (a WeCom
                // contact event, say) leaves the action to be planned normally instead.
                WebhookReply reply;
                try
                {
                    reply = adapter.PassiveText(request, channel, signal, text);
                }
                catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
                {
                    Log.CannotReply(logger, rule.Id, signal.Id, ex.Message);
                    continue;
                }

                // Recorded, not published here: the webhook has a few seconds and a broker connection can take them. The
                // worker publishes it when it processes this signal (the add finds it there), or the sweep does.
                if (await touchpoints.TryAddWithoutPublishingAsync(sent, cancellationToken) is not null
                    || (await touchpoints.GetAsync(sent.Tenant, sent.Id, cancellationToken))?.Status == TouchpointStatus.Sent)
                {
                    Log.Replied(logger, rule.Id, signal.Id, channel.Name);
                    return reply;
                }
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "No passive reply to {Contact} for signal {SignalId}: the contact has opted out of automated messages")]
        public static partial void OptedOut(ILogger logger, string contact, string signalId);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Rule {RuleId} answered signal {SignalId} on channel {Channel} with a passive reply")]
        public static partial void Replied(ILogger logger, string ruleId, string signalId, string channel);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Rule {RuleId} asks for a passive reply to signal {SignalId}, which the platform cannot answer passively ({Reason}); the action is planned as usual")]
        public static partial void CannotReply(ILogger logger, string ruleId, string signalId, string reason);
    }
}
