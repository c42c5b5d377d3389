using Triggers.Hosting.Processing;
using Triggers.Hosting.Rules;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Contacts;
using Triggers.Core.Signals;
using Triggers.Platforms;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// A rule action with <c>"reply": "passive"</c> is answered inside the webhook response, on platforms that allow it.
/// When the tenant has such a rule, the webhook decides the signal itself, with the same pipeline as the worker, and
/// records the decision, so the worker neither analyses nor decides it again. The touchpoint the guardrails let go out
/// now is recorded as sent before the answer goes out; a platform retry of the same delivery repeats the answer.
/// </summary>
public sealed partial class PassiveReplies(
    SignalDecisions decisions,
    RuleCache rules,
    OutboxTouchpointStore touchpoints,
    ContactObserver contacts,
    ISendLedger ledger,
    GuardrailPolicies guardrails,
    TemplateTexts templates,
    TimeProvider time,
    ILogger<PassiveReplies> logger)
{
    public async Task<WebhookReply?> TryReplyAsync(
        IPassiveReplyAdapter adapter, WebhookRequest request, ChannelSettings channel, Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(signal);
        var ruleSet = await rules.GetAsync(cancellationToken);
        if (!ruleSet.ForTenant(signal.Tenant).Any(r => r.Actions.Any(a => a.PassiveReply)))
        {
            return null;
        }

        var recorder = new PassiveReplyRecorder(touchpoints, contacts, ledger, guardrails.For(signal.Tenant), ruleSet, signal, Answer, time);
        try
        {
            await decisions.DecideAsync(signal, ruleSet, recorder, cancellationToken);
        }
        catch (Exception ex) when (recorder.Reply is not null)
        {
            // The answer is recorded as sent, so it must go out; the signal is not marked decided, so the worker finishes it.
            Log.Unfinished(logger, signal.Id, ex.Message);
        }

        if (recorder.Reply is not null)
        {
            Log.Replied(logger, recorder.RuleId!, signal.Id, channel.Name);
        }

        return recorder.Reply;

        // Built before anything is recorded: a signal the platform cannot answer passively (a WeCom contact event, say)
        // leaves the action to be dispatched as usual.
        WebhookReply? Answer(Core.Touchpoints.Touchpoint touchpoint)
        {
            if ((touchpoint.Text ?? templates.Find(touchpoint.Tenant, touchpoint.Template)) is not { } text)
            {
                return null;
            }

            try
            {
                return adapter.PassiveText(request, channel, signal, text);
            }
            catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
            {
                Log.CannotReply(logger, touchpoint.RuleId, signal.Id, ex.Message);
                return null;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Signal {SignalId} was answered passively but deciding the rest of it failed ({Reason}); the worker decides it from the queue")]
        public static partial void Unfinished(ILogger logger, string signalId, string reason);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Rule {RuleId} answered signal {SignalId} on channel {Channel} with a passive reply")]
        public static partial void Replied(ILogger logger, string ruleId, string signalId, string channel);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Rule {RuleId} asks for a passive reply to signal {SignalId}, which the platform cannot answer passively ({Reason}); the action is dispatched as usual")]
        public static partial void CannotReply(ILogger logger, string ruleId, string signalId, string reason);
    }
}
