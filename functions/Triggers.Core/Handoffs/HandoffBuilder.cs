using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Triggers.Core.Emotion;
using Triggers.Core.Processing;
using Triggers.Core.Signals;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Handoffs;

/// <summary>
/// Turns a <c>handoff</c> touchpoint into what the person picking it up needs: how urgent it is, why it was raised, the
/// contact's last signals with their sentiment and topics, the emotion per topic, whether things are getting worse,
/// and a first reply to send or edit.
/// </summary>
public static class HandoffBuilder
{
    /// <summary>At most this many of the contact's latest signals go into the context.</summary>
    public const int MaxContextSignals = 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Chinese stays readable in the stored JSON; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <param name="trust">The person's trust score (0-100), or null when the tenant scores no one.</param>
    /// <param name="otherAccounts">The contact's person's other accounts, whose signals count as the contact's (merged history).</param>
    public static Handoff Build(
        Touchpoint touchpoint, IReadOnlyList<ProcessedSignal> recentSignals, EmotionSnapshot? emotion, DateTimeOffset now, double? trust = null,
        IReadOnlyCollection<People.AccountRef>? otherAccounts = null) =>
        Build(touchpoint, recentSignals, emotion, now, TemplateReplySuggester.Default, trust, otherAccounts);

    /// <param name="recentSignals">The contact's (and its person's other accounts') recent signals in any order; others' signals are ignored.</param>
    public static Handoff Build(
        Touchpoint touchpoint, IReadOnlyList<ProcessedSignal> recentSignals, EmotionSnapshot? emotion, DateTimeOffset now, IReplySuggester suggester, double? trust = null,
        IReadOnlyCollection<People.AccountRef>? otherAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(recentSignals);
        ArgumentNullException.ThrowIfNull(suggester);
        var signals = recentSignals
            .Where(s => s.Signal.Tenant == touchpoint.Tenant
                && (s.Signal.Actor.Id == touchpoint.Contact || otherAccounts?.Contains(new People.AccountRef(s.Signal.Platform, s.Signal.Actor.Id)) == true))
            .DistinctBy(s => s.Signal.Id, StringComparer.Ordinal)
            .OrderBy(s => s.Signal.OccurredAt)
            .ThenBy(s => s.Signal.Id, StringComparer.Ordinal)
            .TakeLast(MaxContextSignals)
            .ToList();

        // The contact's own words; what our people wrote says nothing about how the contact feels.
        var spoken = signals
            .Where(s => s.Signal.Kind != SignalKinds.AgentMessage && !string.IsNullOrWhiteSpace(s.Signal.Text))
            .ToList();
        var negatives = spoken.ConvertAll(s => s.Analysis.Scores.Negative);
        var negative = negatives.Count > 0 ? negatives.Max() : touchpoint.WhyFacts?.NegativeScore ?? 0;
        var waiting = now - WaitingSince(touchpoint, signals);
        var amount = HandoffUrgency.OrderAmount(signals.Select(s => s.Signal));
        var urgency = HandoffUrgency.Score(negative, amount, waiting, trust);
        var trend = HandoffTrend.Of(negatives);

        var latest = spoken.Count > 0 ? spoken[^1] : null;
        var sentiment = latest?.Analysis.Label ?? touchpoint.WhyFacts?.Sentiment ?? "neutral";
        var situation = new ReplySituation(DominantTopic(touchpoint, spoken, emotion), sentiment, trend, latest?.Signal.Text);

        var context = new JsonObject
        {
            ["why"] = touchpoint.Why,

            // What the rule's handoff action asks of the person ("请人工尽快跟进"), in the staff's own words.
            ["note"] = touchpoint.Text,
            ["urgency"] = new JsonObject
            {
                ["score"] = Round(urgency),
                ["negative"] = Round(negative),
                ["amount"] = amount,
                ["waitingMinutes"] = Math.Max(0, (int)waiting.TotalMinutes),
                ["trust"] = trust,
            },
            ["lastSignals"] = new JsonArray([.. signals.Select(SignalJson)]),
            ["emotion"] = new JsonArray([.. EmotionJson(emotion)]),
            ["trend"] = trend,
        };

        return new Handoff
        {
            Id = touchpoint.Id,
            Tenant = touchpoint.Tenant,
            Channel = touchpoint.Channel,
            Contact = touchpoint.Contact,
            RuleId = touchpoint.RuleId,
            Status = HandoffStatus.Open,
            Urgency = urgency,
            CreatedAt = now,
            Why = touchpoint.Why,
            ContextJson = context.ToJsonString(Json),
            SuggestedReply = suggester.Suggest(situation),
        };
    }

    /// <summary>Since the contact's first signal after our side last wrote; the touchpoint's planning when none is known.</summary>
    private static DateTimeOffset WaitingSince(Touchpoint touchpoint, List<ProcessedSignal> signals)
    {
        var lastAgent = signals.LastOrDefault(s => s.Signal.Kind == SignalKinds.AgentMessage)?.Signal.OccurredAt;
        var first = signals.FirstOrDefault(s => s.Signal.Kind != SignalKinds.AgentMessage && (lastAgent is null || s.Signal.OccurredAt > lastAgent));
        return first?.Signal.OccurredAt ?? touchpoint.PlannedAt;
    }

    /// <summary>The most intense peaking topic, else the most intense one, else the most mentioned (latest wins ties).</summary>
    private static string? DominantTopic(Touchpoint touchpoint, List<ProcessedSignal> spoken, EmotionSnapshot? emotion)
    {
        var felt = emotion?.Topics.Values
            .OrderByDescending(t => t.Peak)
            .ThenByDescending(t => t.Intensity)
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .FirstOrDefault();
        if (felt is not null)
        {
            return felt.Topic;
        }

        var mentioned = spoken
            .SelectMany((s, order) => s.Analysis.Topics.Select(topic => (Topic: topic, Order: order)))
            .GroupBy(m => m.Topic, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Max(m => m.Order))
            .Select(g => g.Key)
            .FirstOrDefault();
        return mentioned ?? touchpoint.WhyFacts?.Topics.FirstOrDefault();
    }

    private static JsonObject SignalJson(ProcessedSignal processed) => new()
    {
        ["id"] = processed.Signal.Id,
        ["kind"] = processed.Signal.Kind,
        ["occurredAt"] = processed.Signal.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        ["text"] = processed.Signal.Text,
        ["sentiment"] = processed.Analysis.Label,
        ["negative"] = Round(processed.Analysis.Scores.Negative),
        ["topics"] = new JsonArray([.. processed.Analysis.Topics.Select(t => (JsonNode?)t)]),
    };

    private static IEnumerable<JsonNode?> EmotionJson(EmotionSnapshot? emotion) =>
        (emotion?.Topics.Values ?? []).OrderBy(t => t.Topic, StringComparer.Ordinal).Select(t => (JsonNode?)new JsonObject
        {
            ["topic"] = t.Topic,
            ["intensity"] = Round(t.Intensity),
            ["baseline"] = Round(t.Baseline),
            ["peak"] = t.Peak,
            ["valence"] = Round(t.Valence),
        });

    private static double Round(double value) => Math.Round(value, 4);
}
