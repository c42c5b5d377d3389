using Triggers.Azure.Storage;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Processing;
using Triggers.Hosting.Rules;
using Triggers.Core.Contacts;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.Coins;
using Triggers.Core.Handoffs;
using Triggers.Core.People;
using Triggers.Core.Hosting;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;
using Triggers.Platforms;
using Triggers.Platforms.Outbound;

namespace Triggers.Hosting.Touchpoints;

/// <summary>
/// Sends due touchpoints. Every state change is an ETag-guarded replace (planned → sending → sent / failed / blocked /
/// cancelled, or back to planned when deferred or retried), so two dispatchers never send the same touchpoint, and one
/// that dies mid-send is taken over when its lease runs out. The same code runs under the standalone timer and the
/// Functions host's DispatchTouchpoints timer.
/// </summary>
public sealed partial class TouchpointDispatcher(
    ITouchpointStore touchpoints,
    OutboxTouchpointStore outbox,
    GuardrailFacts facts,
    ContactObserver contacts,
    ISendLedger ledger,
    IHandoffStore handoffs,
    IProcessedSignalStore signals,
    IEmotionStore emotions,
    ITouchpointSender sender,
    ChannelRegistry channels,
    GuardrailPolicies guardrails,
    TemplateTexts templates,
    PoisonQueue poison,
    CoinBank coins,
    PersonLinker people,
    Trust.PersonTrust trust,
    Portfolio.PromotionCache promotions,
    Portfolio.PortfolioCache portfolio,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<TouchpointDispatcher> logger)
{
    private readonly ConcurrentDictionary<string, RateLimiter> _rates = new(StringComparer.Ordinal);

    /// <summary>
    /// One pass over every tenant's due touchpoints: batch after batch until none is due (or a run's interval has gone
    /// by, or nothing moved), each channel's sends paced by Dispatch:SendsPerSecond. <paramref name="stopClaiming"/>
    /// stops taking new ones; a send in flight finishes.
    /// </summary>
    public async Task<DispatchSummary> DispatchOnceAsync(CancellationToken stopClaiming)
    {
        using var work = StorageTransactions.For(StorageWork.Dispatch);
        var summary = new DispatchSummary();
        var started = time.GetTimestamp();
        foreach (var tenant in channels.Tenants)
        {
            // Events a crash or a broker outage left in touchpoints' outboxes go out first, under their own ids.
            summary.EventsRepublished += await outbox.PublishPendingAsync(tenant, options.Value.BatchSize, stopClaiming);
            while (true)
            {
                var due = await touchpoints.ListDueAsync(tenant, time.GetUtcNow(), options.Value.BatchSize, stopClaiming);
                var moved = 0;

                // Side by side, each contact's in due order, so the caps' re-count never races a touch of the same contact.
                await Parallel.ForEachAsync(
                    due.GroupBy(t => (t.Channel, t.Contact)),
                    new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency },
                    async (contact, _) =>
                    {
                        foreach (var touchpoint in contact)
                        {
                            if (stopClaiming.IsCancellationRequested)
                            {
                                return;
                            }

                            var outcome = await DispatchAsync(touchpoint, CancellationToken.None);
                            summary.Add(outcome);
                            if (outcome != DispatchSummary.Skipped)
                            {
                                Interlocked.Increment(ref moved);
                            }
                        }
                    });

                if (stopClaiming.IsCancellationRequested)
                {
                    return summary;
                }

                // Drained, or only others' claims left, or the next run is due: it carries on from here.
                if (due.Count < options.Value.BatchSize || moved == 0 || time.GetElapsedTime(started) >= options.Value.Interval)
                {
                    break;
                }
            }
        }

        if (summary.Total > 0)
        {
            Log.Dispatched(logger, summary[DispatchSummary.Sent], summary[DispatchSummary.Deferred], summary[DispatchSummary.Blocked], summary[DispatchSummary.Cancelled], summary[DispatchSummary.Retried], summary[DispatchSummary.Failed]);
        }

        return summary;
    }

    private async Task<string> DispatchAsync(Touchpoint due, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(LogScopes.Touchpoint(due));
        using var activity = TriggersTelemetry.StartContinuing("DispatchTouchpoint", System.Diagnostics.ActivityKind.Producer, due.TraceParent);
        var now = time.GetUtcNow();
        var claimed = await touchpoints.TryReplaceAsync(
            due with { Status = TouchpointStatus.Sending, Attempts = due.Attempts + 1, LeaseUntil = now + options.Value.Lease },
            cancellationToken);
        if (claimed is null)
        {
            // Another dispatcher claimed it (or a person's message changed it) since we listed it.
            return DispatchSummary.Skipped;
        }

        var channel = channels.Find(claimed.Channel);
        if (channel is null)
        {
            return await FailAsync(claimed, $"channel '{claimed.Channel}' is no longer configured (Channels:{claimed.Channel})", cancellationToken);
        }

        var policy = guardrails.For(claimed.Tenant);
        var context = await facts.LoadAsync(claimed, channel.Platform, policy, GuardrailStage.Dispatch, now, cancellationToken) with
        {
            Promotions = await promotions.ForAsync(claimed.Tenant, cancellationToken),
            UndercutMargin = (await portfolio.ForAsync(claimed.Tenant, cancellationToken)).Settings.UndercutMargin,
        };
        var decision = GuardrailEvaluator.Evaluate(claimed, context, policy);
        if (decision is not GuardrailDecision.Allow)
        {
            // A deferral is not a send attempt, so it gives the claimed attempt back.
            var decided = decision.ApplyTo(claimed) with { LeaseUntil = null, Attempts = decision is GuardrailDecision.Defer ? due.Attempts : claimed.Attempts };
            var outcome = decision switch
            {
                GuardrailDecision.Defer => DispatchSummary.Deferred,
                GuardrailDecision.Cancel => DispatchSummary.Cancelled,
                _ => DispatchSummary.Blocked,
            };
            return await FinishAsync(claimed, decided, outcome, cancellationToken);
        }

        if (string.Equals(claimed.Type, ActionTypes.Handoff, StringComparison.Ordinal))
        {
            return await HandOffAsync(claimed, now, cancellationToken);
        }

        if (string.Equals(claimed.Type, ActionTypes.Coins, StringComparison.Ordinal) && (claimed.Amount is not null || claimed.Xp is not null))
        {
            return await DepositAsync(claimed, channel, cancellationToken);
        }

        if (string.Equals(claimed.Type, ActionTypes.Contribute, StringComparison.Ordinal) && claimed.Amount is { } points)
        {
            return await ContributeAsync(claimed, channel, points, cancellationToken);
        }

        return await SendAsync(claimed, channel, policy, context, now, cancellationToken);
    }

    /// <summary>A contribute touchpoint adds its community points to the contact's trust once, under the touchpoint's id.</summary>
    private async Task<string> ContributeAsync(Touchpoint claimed, ChannelSettings channel, long points, CancellationToken cancellationToken)
    {
        var account = new AccountRef(claimed.ContactPlatform ?? channel.Platform, claimed.Contact);
        var view = await trust.ContributeAsync(claimed.Tenant, account, "touchpoint:" + claimed.Id, points, claimed.Reason ?? "rule " + claimed.RuleId, cancellationToken);
        var detail = $"recorded {points} community points for {account}" + (view is null ? " (the tenant has no rows in table Scoring yet)" : $"; trust {view.Score}");
        return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Sent, SentAt = time.GetUtcNow(), StatusReason = detail, LeaseUntil = null }, DispatchSummary.Sent, cancellationToken);
    }

    private async Task<string> SendAsync(
        Touchpoint claimed, ChannelSettings channel, GuardrailOptions policy, GuardrailContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = claimed.Text ?? templates.Find(claimed.Tenant, claimed.Template);
        if (text is null)
        {
            return await FailAsync(claimed, $"template '{claimed.Template}' is not defined: set Templates:{claimed.Tenant}:{claimed.Template} (or Templates:{claimed.Template})", cancellationToken);
        }

        // Counted before sending, so a crash after the send still counts it against the cap.
        var day = TenantCalendar.LocalDay(now, policy.TimeZone);
        var counted = GuardrailEvaluator.CountsAgainstCaps(claimed.Type);
        if (counted)
        {
            await contacts.RaiseLastTouchedAsync(context.Contact, claimed.Tenant, claimed.Channel, claimed.Contact, day, cancellationToken);
            await ledger.RecordAsync(claimed.Tenant, claimed.Channel, claimed.Contact, day, claimed.Id, automated: true, cancellationToken);

            // Counted again with this touch in: two dispatchers that both passed the check cannot both exceed the cap
            // (at worst both give up the last slot, which errs on the side of the contact).
            var recount = await facts.WithCountsAsync(context, claimed, policy, cancellationToken);
            if (FrequencyCap.Check(recount with { CountsIncludeThisTouch = true }, policy, includesThisTouch: true) is { } over)
            {
                await ledger.RemoveAsync(claimed.Tenant, claimed.Channel, claimed.Contact, day, claimed.Id, cancellationToken);
                return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Blocked, Guardrail = GuardrailNames.FrequencyCap, StatusReason = over, LeaseUntil = null }, DispatchSummary.Blocked, cancellationToken);
            }
        }

        if (CoinPlaceholders.In(text))
        {
            var person = await people.FindAsync(claimed.Tenant, new AccountRef(claimed.ContactPlatform ?? channel.Platform, claimed.Contact), cancellationToken);
            text = CoinPlaceholders.Fill(text, await coins.BalanceAsync(claimed.Tenant, person.Id, cancellationToken));
        }

        var message = new OutboundMessage(claimed, text);
        using var slot = await RateOf(channel.Name).AcquireAsync(1, cancellationToken);
        var result = await sender.SendAsync(message, channel, cancellationToken);
        if (result.Outcome != SendOutcome.Sent && counted)
        {
            await ledger.RemoveAsync(claimed.Tenant, claimed.Channel, claimed.Contact, day, claimed.Id, cancellationToken);
        }

        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Sent, SentAt = time.GetUtcNow(), ProviderMessageId = result.ProviderMessageId, StatusReason = result.Detail, LeaseUntil = null }, DispatchSummary.Sent, cancellationToken);
            case SendOutcome.Blocked:
                return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Blocked, Guardrail = result.Guardrail ?? GuardrailNames.PlatformPolicy, StatusReason = result.Detail, LeaseUntil = null }, DispatchSummary.Blocked, cancellationToken);
            case SendOutcome.Permanent:
                return await FailAsync(claimed, result.Detail, cancellationToken);
            default:
                if (claimed.Attempts >= options.Value.MaxAttempts)
                {
                    return await FailAsync(claimed, $"gave up after {claimed.Attempts} attempt(s): {result.Detail}", cancellationToken);
                }

                var backoff = RetryBackoff.Next(claimed.Id, claimed.Attempts, options.Value.RetryBase, options.Value.RetryMax);
                if (result.RetryAfter is { } asked && asked > backoff)
                {
                    backoff = asked;
                }

                var wake = time.GetUtcNow() + backoff;
                return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Planned, WakeAt = wake, StatusReason = $"attempt {claimed.Attempts} failed, retrying at {wake:o}: {result.Detail}", LeaseUntil = null }, DispatchSummary.Retried, cancellationToken);
        }
    }

    private RateLimiter RateOf(string channel) => _rates.GetOrAdd(channel, _ =>
    {
        // Replenished a tenth of a second's worth at a time, so concurrent sends never burst a whole second's worth:
        // any one-second window sees at most the rate plus that tenth.
        var perSecond = options.Value.SendsPerSecond;
        var step = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = step,
            TokensPerPeriod = step,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)step / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });

    private async Task<string> HandOffAsync(Touchpoint claimed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var self = new AccountRef(claimed.ContactPlatform ?? (channels.Find(claimed.Channel)?.Platform) ?? string.Empty, claimed.Contact);
        var recent = (await signals.ListForContactAsync(claimed.Channel, claimed.Contact, options.Value.HandoffContextSignals, cancellationToken)).ToList();

        // The person's other accounts speak too: their recent signals join the context (merged history).
        var person = await people.FindAsync(claimed.Tenant, self, cancellationToken);
        var others = person.Accounts.Select(a => a.Account).Where(a => a != self).ToList();
        foreach (var other in others)
        {
            foreach (var channel in channels.ChannelsOf(claimed.Tenant, other.Platform))
            {
                recent.AddRange(await signals.ListForContactAsync(channel, other.Id, options.Value.HandoffContextSignals, cancellationToken));
            }
        }

        var trusted = await trust.ViewAsync(person, cancellationToken);
        var handoff = HandoffBuilder.Build(claimed, recent, await EmotionOfAsync(claimed, recent, others, cancellationToken), now, trusted?.Score, others);
        await handoffs.AddIfAbsentAsync(handoff, cancellationToken);
        return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Sent, SentAt = now, StatusReason = "queued for a person (GET /api/admin/handoffs)", LeaseUntil = null }, DispatchSummary.Sent, cancellationToken);
    }

    /// <summary>The contact's current emotion on the topics of the signals the person will read.</summary>
    /// <summary>The person's current emotion on those topics: per topic, the latest state among its accounts.</summary>
    private async Task<EmotionSnapshot> EmotionOfAsync(Touchpoint claimed, IReadOnlyList<ProcessedSignal> recent, IReadOnlyList<AccountRef> others, CancellationToken cancellationToken)
    {
        var topics = new Dictionary<string, TopicEmotion>(StringComparer.Ordinal);
        var contacts = others.Select(a => a.Id).Prepend(claimed.Contact).Distinct(StringComparer.Ordinal).ToList();
        foreach (var topic in recent.SelectMany(s => s.Analysis.Topics).Concat(claimed.WhyFacts?.Topics ?? []).Distinct(StringComparer.Ordinal))
        {
            EmotionState? latest = null;
            foreach (var contact in contacts)
            {
                if (await emotions.GetAsync(new EmotionKey(claimed.Tenant, contact, topic), cancellationToken) is { } stored && (latest is null || stored.State.At > latest.At))
                {
                    latest = stored.State;
                }
            }

            if (latest is not null)
            {
                topics[topic] = TopicEmotion.From(topic, latest);
            }
        }

        return new EmotionSnapshot(topics, null);
    }

    /// <summary>
    /// A coins touchpoint deposits coins and adds experience to the person's wallet, each once under the touchpoint's id: a
    /// dispatcher that dies after the deposit and before marking the touchpoint sent deposits nothing more when it is
    /// taken over.
    /// </summary>
    private async Task<string> DepositAsync(Touchpoint claimed, ChannelSettings channel, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(claimed.Tenant, new AccountRef(claimed.ContactPlatform ?? channel.Platform, claimed.Contact), cancellationToken);
        var done = new List<string>();
        CoinEntry? last = null;
        string? wallet = null;
        (string Key, string Kind, long Coins, long Xp)[] operations =
        [
            ("touchpoint:" + claimed.Id, CoinKinds.Deposit, claimed.Amount ?? 0, 0),
            ("touchpoint:" + claimed.Id + ":xp", CoinKinds.Appreciation, 0, claimed.Xp ?? 0),
        ];
        foreach (var (key, kind, coinsDelta, xpDelta) in operations)
        {
            if (coinsDelta == 0 && xpDelta == 0)
            {
                continue;
            }

            var operation = new CoinOperation(key, kind, coinsDelta, xpDelta, claimed.Reason, "rule:" + claimed.RuleId);
            (wallet, last) = await coins.ApplyOnceAsync(claimed.Tenant, key, person.Id, operation, cancellationToken);
            done.Add(coinsDelta > 0 ? $"deposited {coinsDelta} knowledge coins" : $"added {xpDelta} xp");
        }

        await people.FollowAsync(claimed.Tenant, new AccountRef(claimed.ContactPlatform ?? channel.Platform, claimed.Contact), wallet!, cancellationToken);
        var detail = $"{string.Join(" and ", done)} to {wallet}; balance {last!.CoinsAfter}, xp {last.XpAfter}";
        return await FinishAsync(claimed, claimed with { Status = TouchpointStatus.Sent, SentAt = time.GetUtcNow(), StatusReason = detail, LeaseUntil = null }, DispatchSummary.Sent, cancellationToken);
    }

    private async Task<string> FailAsync(Touchpoint claimed, string reason, CancellationToken cancellationToken)
    {
        var failed = claimed with { Status = TouchpointStatus.Failed, StatusReason = reason, LeaseUntil = null };
        var outcome = await FinishAsync(claimed, failed, DispatchSummary.Failed, cancellationToken);
        if (outcome == DispatchSummary.Failed)
        {
            await poison.SendAsync(QueueNames.TouchpointsPoison, TouchpointMessage.Serialize(failed), reason, claimed.Attempts, cancellationToken);
        }

        return outcome;
    }

    private async Task<string> FinishAsync(Touchpoint claimed, Touchpoint next, string outcome, CancellationToken cancellationToken)
    {
        if (await touchpoints.TryReplaceAsync(next, cancellationToken) is null && await RewriteOnOurClaimAsync(claimed, next, cancellationToken) is null)
        {
            // Our lease ran out and another dispatcher took the touchpoint over; it decides now.
            Log.LostLease(logger, next.Id, next.Status);
            return DispatchSummary.Skipped;
        }

        Log.Finished(logger, next.Id, next.Type, next.Status, next.StatusReason ?? string.Empty);
        return outcome;
    }

    /// <summary>
    /// The write of an outcome lost its version. If the touchpoint is still our claim (the same lease and attempt: only its
    /// event outbox was cleared meanwhile), the outcome is written again on the current version, keeping its outbox.
    /// </summary>
    private async Task<Touchpoint?> RewriteOnOurClaimAsync(Touchpoint claimed, Touchpoint next, CancellationToken cancellationToken)
    {
        var current = await touchpoints.GetAsync(claimed.Tenant, claimed.Id, cancellationToken);
        if (current is not { Status: TouchpointStatus.Sending } || current.LeaseUntil != claimed.LeaseUntil || current.Attempts != claimed.Attempts)
        {
            return null;
        }

        return await touchpoints.TryReplaceAsync(
            next with { Version = current.Version, RecordedEvents = current.RecordedEvents, PendingEvents = current.PendingEvents },
            cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Dispatch: {Sent} sent, {Deferred} deferred, {Blocked} blocked, {Cancelled} cancelled, {Retried} to retry, {Failed} failed")]
        public static partial void Dispatched(ILogger logger, int sent, int deferred, int blocked, int cancelled, int retried, int failed);

        [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} ({Type}) is now {Status}: {Reason}")]
        public static partial void Finished(ILogger logger, string touchpointId, string type, string status, string reason);

        [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "Touchpoint {TouchpointId} was taken over by another dispatcher before it could be marked {Status}")]
        public static partial void LostLease(ILogger logger, string touchpointId, string status);
    }
}
