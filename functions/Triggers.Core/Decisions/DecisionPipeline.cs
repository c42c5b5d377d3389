using System.Diagnostics;
using Triggers.Core.Coins;
using Triggers.Core.Contacts;
using Triggers.Core.Emotion;
using Triggers.Core.Guardrails;
using Triggers.Core.JsonLogic;
using Triggers.Core.People;
using Triggers.Core.Rules;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Decisions;

/// <summary>
/// The one way a signal becomes touchpoints: analyse once → emotion → contact state → rules in priority order (with
/// cooldowns) → planning → guardrails → the contact's state written with its planned touches → the touchpoints recorded.
/// The queue worker, passive replies and the simulator all call this; they differ only in the ports they pass. Every step is idempotent per signal id (deterministic touchpoint ids, cooldowns
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
    private readonly PersonLinker _people;
    private readonly PersonContacts _persons;
    private readonly RewardRedeemer _redeemer;
    private readonly Trust.TrustLedger _trust;

    public DecisionPipeline(DecisionPorts ports, DecisionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(settings);
        _ports = ports;
        _settings = settings;
        _contacts = new ContactObserver(ports.Contacts, ports.Touchpoints, ports.Ledger);
        _emotions = new EmotionTracker(ports.Emotions, ports.Rooms, settings.Emotion, ports.Time);
        _cooldowns = new CooldownGate(ports.Cooldowns);
        _persons = ports.Persons ?? new PersonContacts(ports.People, ports.Contacts, settings.ChannelsOf, ports.Time);
        _facts = new GuardrailFacts(ports.Contacts, ports.Ledger, _persons);
        _people = new PersonLinker(ports.People, ports.Time, ports.Coins);
        _redeemer = new RewardRedeemer(ports.Coins, ports.Stock, ports.Time);
        _trust = new Trust.TrustLedger(ports.Trust, ports.Time);
    }

    public async Task<SignalDecision> DecideAsync(Signal signal, RuleSet rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(rules);
        var now = _ports.Time.GetUtcNow();
        // The channel's platform decides how touches go out; the signal's names the account (they differ on a relay
        // channel carrying another platform's signals, whose accounts are addressed as /api/admin/signals lists them).
        var platform = _settings.PlatformOf(signal.Channel) ?? signal.Platform;
        var account = new AccountRef(signal.Platform, signal.Actor.Id);
        if (_ports.Erased is { } erased && await erased.BlocksAsync(signal.Tenant, account, signal.OccurredAt, cancellationToken))
        {
            return SignalDecision.Dropped(signal, now);
        }

        var policy = _settings.Guardrails(signal.Tenant);
        // Identity first: the guardrails of an identify signal, and of every signal after it, count per person. A refusal
        // (a member with too many accounts) would be the same on every retry, so the signal is decided without the link.
        string? linkRefusal = null;
        if (signal.Kind == SignalKinds.Identify && IdentifyAttributes.MemberOf(signal) is { } member)
        {
            linkRefusal = (await _people.LinkAsync(signal.Tenant, IdentifyAttributes.AccountsOf(signal), member, LinkSources.Identify, "signal:" + signal.Id, cancellationToken)).Refusal;
            if (linkRefusal is null)
            {
                _persons.NoteLinked(signal.Tenant);
            }
        }

        // Keys the payload carries (a unionid, a phone number's hash) link the account to whoever else carried them.
        if (await KeysAsync(signal, cancellationToken) is { Count: > 0 } keys)
        {
            var keyed = await _people.LinkAsync(signal.Tenant, [account, .. keys], null, LinkSources.Payload, "signal:" + signal.Id, cancellationToken);
            linkRefusal ??= keyed.Refusal;
            if (keyed.Refusal is null)
            {
                _persons.NoteLinked(signal.Tenant);
            }
        }

        var redemption = await RedeemAsync(signal, account, cancellationToken);
        var analysis = await _ports.Analyzer.AnalyzeAsync(signal, cancellationToken);
        var emotion = await _emotions.ApplyAsync(signal, analysis, cancellationToken);
        var person = new KnownPerson(signal.Tenant, account, await _persons.FindAsync(signal.Tenant, account.Platform, signal.Actor.Id, cancellationToken));
        var contactData = ContactData(person);
        if (redemption is not null || rules.Mentions(signal.Tenant, CoinsVar))
        {
            contactData["coins"] = await CoinsDataAsync(signal.Tenant, redemption?.Wallet ?? person.Person?.Id ?? account.ToString(), rules.Mentions(signal.Tenant, Earned30dVar), redemption, now, cancellationToken);
        }

        var portfolio = await _settings.Portfolio(signal.Tenant, cancellationToken);
        var quadrant = portfolio.QuadrantOf(signal.Channel, signal.Platform);
        if (portfolio.Configured && quadrant is not null)
        {
            var journey = await new Portfolio.JourneyTracker(_ports.Journeys).RecordAsync(signal.Tenant, person.Person?.Id ?? account.ToString(), quadrant, signal.OccurredAt, cancellationToken);
            contactData["journey"] = new System.Text.Json.Nodes.JsonArray([.. journey.Quadrants.Select(q => (System.Text.Json.Nodes.JsonNode?)q)]);
        }

        if (await _settings.Scoring(signal.Tenant, cancellationToken) is { } scoring)
        {
            contactData["trust"] = await TrustDataAsync(signal, analysis, emotion, contactData, scoring, person, quadrant, cancellationToken);
        }

        var controls = rules.Mentions(signal.Tenant, "controls.") && await _settings.Controls(signal.Tenant, cancellationToken) is { } lines
            ? Portfolio.ControlLineCalculator.ToLogicData(lines)
            : null;
        var data = ConditionData.BuildLogicData(signal, analysis, contactData, emotion, quadrant, controls);
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : signal.TraceParent;

        // The contact's state and its planned touches are read once and written once, with what the rules planned; the
        // touchpoints are stored after that write, so a concurrent planner for the same contact already counts them.
        var (contact, plan) = await _contacts.ObserveAsync(
            signal, policy, now, (observed, planned, ct) => PlanAsync(signal, rules, data, analysis, emotion, platform, traceParent, policy, observed, planned, person, now, ct), cancellationToken);

        foreach (var elsewhere in plan.Touchpoints.Where(t => !IsSignalContact(t, signal) && t.Status == TouchpointStatus.Planned).GroupBy(t => (t.Channel, t.Contact)))
        {
            await _contacts.UpdatePlannedAsync(signal.Tenant, elsewhere.Key.Channel, elsewhere.Key.Contact, [.. elsewhere], cancellationToken);
        }

        var decisions = new List<RuleDecision>(plan.Rules.Count);
        var otherVerdicts = new List<Touchpoint>();
        foreach (var rule in plan.Rules)
        {
            var touchpoints = new List<Touchpoint>(rule.Touchpoints.Count);
            foreach (var decided in rule.Touchpoints)
            {
                // Found recorded already (the signal is decided again after a crash or a platform retry): the first
                // verdict stands, whatever a second judgement says.
                if (await _ports.Touchpoints.TryAddAsync(decided, cancellationToken) is null
                    && await _ports.Touchpoints.GetAsync(decided.Tenant, decided.Id, cancellationToken) is { } recorded)
                {
                    touchpoints.Add(recorded);
                    if (recorded.Status != decided.Status || recorded.NextLookAt != decided.NextLookAt)
                    {
                        otherVerdicts.Add(recorded);
                    }
                }
                else
                {
                    touchpoints.Add(decided);
                }
            }

            decisions.Add(rule with { Touchpoints = touchpoints });
        }

        // The contact's planned touches were written with this judgement; where the first verdict stands instead, they
        // must count that one, or a touch still planned would not be counted.
        foreach (var byContact in otherVerdicts.GroupBy(t => (t.Channel, t.Contact)))
        {
            await _contacts.UpdatePlannedAsync(signal.Tenant, byContact.Key.Channel, byContact.Key.Contact, [.. byContact], cancellationToken);
        }

        return new SignalDecision(signal, analysis, contact, emotion, decisions, now) { LinkRefusal = linkRefusal, Redemption = redemption };
    }

    /// <summary>
    /// The rules in priority order (with cooldowns), their touchpoints planned and judged by the guardrails; each planned
    /// one joins the contact's planned touches before the next is judged, so the caps count it. Stores nothing but
    /// cooldowns (idempotent per signal), because it runs again when the contact's state changed underneath.
    /// </summary>
    private async Task<Plan> PlanAsync(
        Signal signal, RuleSet rules, JsonLogicData data, Analysis.TextAnalysis analysis, EmotionSnapshot emotion, string platform, string? traceParent,
        GuardrailOptions policy, ContactState observed, List<PlannedTouch> planned, KnownPerson person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decisions = new List<RuleDecision>();
        var elsewhere = new Dictionary<(string Channel, string Contact), List<PlannedTouch>>();
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
            foreach (var next in TouchpointPlanner.Plan(rule, signal, analysis, emotion, now, platform))
            {
                var counted = IsSignalContact(next, signal) ? planned : await PlannedElsewhereAsync(next, elsewhere, now, cancellationToken);
                var decided = await JudgeAsync(next, policy, observed, counted, person, now, cancellationToken) with { TraceParent = traceParent };
                PlannedTouches.Add(counted, decided);
                touchpoints.Add(decided);
            }

            decisions.Add(new RuleDecision(rule, CooledDown: false, touchpoints));
        }

        return new Plan(decisions);
    }

    private async Task<List<PlannedTouch>> PlannedElsewhereAsync(
        Touchpoint touchpoint, Dictionary<(string Channel, string Contact), List<PlannedTouch>> elsewhere, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = (touchpoint.Channel, touchpoint.Contact);
        if (!elsewhere.TryGetValue(key, out var planned))
        {
            planned = await _contacts.PlannedAsync(touchpoint.Tenant, touchpoint.Channel, touchpoint.Contact, now, cancellationToken);
            elsewhere[key] = planned;
        }

        return planned;
    }

    private static bool IsSignalContact(Touchpoint touchpoint, Signal signal) =>
        string.Equals(touchpoint.Channel, signal.Channel, StringComparison.Ordinal) && string.Equals(touchpoint.Contact, signal.Actor.Id, StringComparison.Ordinal);

    /// <summary>The guardrails at planning: a blocked touchpoint is kept (status blocked, with the guardrail's name), a deferred one gets its new due time.</summary>
    private async Task<Touchpoint> JudgeAsync(
        Touchpoint planned, GuardrailOptions policy, ContactState signalContact, IReadOnlyList<PlannedTouch> counted, KnownPerson person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var platform = planned.Platform ?? _settings.PlatformOf(planned.Channel) ?? string.Empty;
        var context = await _facts.LoadAsync(planned, platform, policy, GuardrailStage.Planning, now, cancellationToken, signalContact, counted, person) with
        {
            Promotions = await _settings.Promotions(planned.Tenant, cancellationToken),
            UndercutMargin = (await _settings.Portfolio(planned.Tenant, cancellationToken)).Settings.UndercutMargin,
        };
        return GuardrailEvaluator.Evaluate(planned, context, policy, _settings.GuardrailOrder).ApplyTo(planned);
    }

    /// <summary>
    /// The identity keys the signal carries, less those of an erased person that the signal predates: an old order of
    /// another account must not bring an erased phone key back.
    /// </summary>
    private async Task<IReadOnlyList<AccountRef>> KeysAsync(Signal signal, CancellationToken cancellationToken)
    {
        var keys = IdentityKeys.Of(signal);
        if (keys.Count == 0 || _ports.Erased is not { } erased)
        {
            return keys;
        }

        var kept = new List<AccountRef>(keys.Count);
        foreach (var key in keys)
        {
            if (!await erased.BlocksAsync(signal.Tenant, key, signal.OccurredAt, cancellationToken))
            {
                kept.Add(key);
            }
        }

        return kept;
    }

    private const string CoinsVar = "contact.coins";
    private const string Earned30dVar = "contact.coins.earned30d";

    /// <summary>
    /// A redeem signal redeems its reward before it is decided, once per signal id (the redemption's key is
    /// <c>signal:{id}</c>), from the wallet of the person the account is.
    /// </summary>
    private async Task<Redemption?> RedeemAsync(Signal signal, AccountRef account, CancellationToken cancellationToken)
    {
        if (signal.Kind != SignalKinds.Redeem || RedeemAttributes.RewardOf(signal) is not { } reward)
        {
            return null;
        }

        var wallet = await _people.FindAsync(signal.Tenant, account, cancellationToken);
        var by = "signal:" + signal.Id;
        return await _redeemer.RedeemAsync(signal.Tenant, by, wallet.Id, reward, await _settings.Rewards(signal.Tenant, reward, cancellationToken), by, cancellationToken);
    }

    /// <summary>
    /// Scores the signal for the sending account once per signal id (the rows of table Scoring it matches, judged on the
    /// data rules see, without trust), then gives rules the person's trust: <c>contact.trust.score</c> and each component.
    /// </summary>
    private async Task<System.Text.Json.Nodes.JsonObject> TrustDataAsync(
        Signal signal, Analysis.TextAnalysis analysis, EmotionSnapshot emotion, System.Text.Json.Nodes.JsonObject contactData, Trust.TenantScoring scoring,
        KnownPerson person, string? quadrant, CancellationToken cancellationToken)
    {
        var (points, rows) = scoring.Score(ConditionData.BuildLogicData(signal, analysis, contactData, emotion, quadrant));
        var account = person.Account.ToString();
        var own = await _trust.ApplyAsync(signal.Tenant, account, "signal:" + signal.Id, points, "Scoring rows: " + string.Join(", ", rows), scoring.Settings.HalfLife, cancellationToken);
        var accounts = person.Person?.Accounts.Select(a => a.Account.ToString()) ?? [account];
        var view = await Trust.TrustReader.ViewAsync(_ports.Trust, signal.Tenant, accounts, scoring.Settings, _ports.Time.GetUtcNow(), cancellationToken, own);
        return Trust.TrustReader.ToLogicData(view);
    }

    /// <summary>
    /// What rules see as <c>contact.coins</c>, read only for tenants whose rules mention it (and for redeem signals):
    /// <c>balance</c>, <c>xp</c>, <c>earned30d</c> (coins deposited in the last 30 days, which reads the statement, so only
    /// when a rule names it), and on a redeem signal <c>redemption</c> with its <c>reward</c> and <c>outcome</c>.
    /// </summary>
    private async Task<System.Text.Json.Nodes.JsonObject> CoinsDataAsync(
        string tenant, string wallet, bool earned, Redemption? redemption, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var balances = await _ports.Coins.BalanceAsync(tenant, wallet, cancellationToken);
        var coins = new System.Text.Json.Nodes.JsonObject { ["balance"] = balances.Coins, ["xp"] = balances.Xp };
        if (earned)
        {
            coins["earned30d"] = CoinStatement.Earned(await _ports.Coins.StatementAsync(tenant, wallet, cancellationToken), now - TimeSpan.FromDays(30));
        }

        if (redemption is not null)
        {
            coins["redemption"] = new System.Text.Json.Nodes.JsonObject { ["reward"] = redemption.Reward, ["outcome"] = redemption.Outcome };
        }

        return coins;
    }

    /// <summary>
    /// What rules see as <c>contact</c>: <c>id</c>, the person's id (the actor id for an account linked to nobody), and
    /// <c>platforms</c>, the platforms of the person's accounts in order (docs/relationships.md).
    /// </summary>
    private static System.Text.Json.Nodes.JsonObject ContactData(KnownPerson known) => new()
    {
        ["id"] = known.Person?.Id ?? known.Account.Id,
        ["platforms"] = new System.Text.Json.Nodes.JsonArray([.. (known.Person?.Accounts.Select(a => a.Platform) ?? [known.Account.Platform])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(p => (System.Text.Json.Nodes.JsonNode?)p)]),
    };

    private sealed record Plan(IReadOnlyList<RuleDecision> Rules)
    {
        public IEnumerable<Touchpoint> Touchpoints => Rules.SelectMany(r => r.Touchpoints);
    }
}
