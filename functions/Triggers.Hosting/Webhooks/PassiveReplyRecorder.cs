using Triggers.Hosting.Touchpoints;
using Triggers.Core.Contacts;
using Triggers.Core.Guardrails;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;
using Triggers.Platforms;

namespace Triggers.Hosting.Webhooks;

/// <summary>
/// Where the decision pipeline records touchpoints when it runs inside a webhook: the first touchpoint of a passive-reply
/// action that the guardrails let go out now is recorded as sent, with the answer kept for the response; the others are
/// recorded as planned. Nothing is published here (the webhook cannot wait for a broker): the worker publishes it when
/// the signal reaches it, or the sweep does.
/// </summary>
internal sealed class PassiveReplyRecorder(
    OutboxTouchpointStore store, ContactObserver contacts, ISendLedger ledger, GuardrailOptions policy, RuleSet rules, Signal signal, Func<Touchpoint, WebhookReply?> answer, TimeProvider time)
    : DelegatingTouchpointStore(store)
{
    public WebhookReply? Reply { get; private set; }

    public string? RuleId { get; private set; }

    public override async Task<Touchpoint?> TryAddAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        if (Reply is null && AnswersNow(touchpoint) && answer(touchpoint) is { } reply)
        {
            var now = time.GetUtcNow();
            var sent = touchpoint with
            {
                Status = TouchpointStatus.Sent,
                SentAt = now,
                Why = touchpoint.Why + " Sent as the passive reply in the webhook response.",
            };

            // Found sent already: a platform retry of this delivery, which gets the same answer. Found planned: the worker
            // decided first, so the dispatcher sends it and the webhook answers as usual.
            var added = await store.TryAddWithoutPublishingAsync(sent, cancellationToken);
            if (added is not null || (await store.GetAsync(sent.Tenant, sent.Id, cancellationToken))?.Status == TouchpointStatus.Sent)
            {
                // It counts against the caps like any touch that went out (idempotent per id, so a retry counts once).
                var day = TenantCalendar.LocalDay(now, policy.TimeZone);
                await contacts.RaiseLastTouchedAsync(null, sent.Tenant, sent.Channel, sent.Contact, day, cancellationToken);
                await ledger.RecordAsync(sent.Tenant, sent.Channel, sent.Contact, day, sent.Id, automated: true, cancellationToken);
                (Reply, RuleId) = (reply, touchpoint.RuleId);
            }

            return added;
        }

        var recorded = await store.TryAddWithoutPublishingAsync(touchpoint, cancellationToken);

        // Decided before (a platform retry after a lost answer): if this touchpoint went out as the passive reply, the
        // retry gets the same answer, whatever a second judgement says now.
        if (recorded is null && Reply is null && IsPassiveHere(touchpoint)
            && await store.GetAsync(touchpoint.Tenant, touchpoint.Id, cancellationToken) is { Status: TouchpointStatus.Sent } sentBefore
            && answer(sentBefore) is { } again)
        {
            (Reply, RuleId) = (again, sentBefore.RuleId);
        }

        return recorded;
    }

    /// <summary>A passive-reply action on the signal's own channel, due now, that the guardrails neither stopped nor deferred.</summary>
    private bool AnswersNow(Touchpoint touchpoint) =>
        touchpoint is { Status: TouchpointStatus.Planned, Guardrail: null } && IsPassiveHere(touchpoint);

    /// <summary>A passive-reply action with no delay, on the signal's own channel.</summary>
    private bool IsPassiveHere(Touchpoint touchpoint) =>
        string.Equals(touchpoint.Channel, signal.Channel, StringComparison.Ordinal)
        && rules.ForTenant(touchpoint.Tenant).FirstOrDefault(r => string.Equals(r.Id, touchpoint.RuleId, StringComparison.Ordinal)) is { } rule
        && rule.Actions[touchpoint.ActionIndex] is { PassiveReply: true, Delay: var delay } && delay <= TimeSpan.Zero;
}
