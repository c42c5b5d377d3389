using System.Globalization;
using System.Xml;
using Triggers.Core.Analysis;
using Triggers.Core.Emotion;
using Triggers.Core.Rules;
using Triggers.Core.Signals;

namespace Triggers.Core.Touchpoints;

/// <summary>
/// Turns a matched rule into touchpoints, one per action. Timing is the signal time plus the action's delay plus
/// a "human touch" slack drawn from a generator seeded by the touchpoint id: varied, yet the same on every replay.
/// </summary>
public static class TouchpointPlanner
{
    public static IReadOnlyList<Touchpoint> Plan(CompiledRule rule, Signal signal, TextAnalysis analysis, DateTimeOffset now) =>
        Plan(rule, signal, analysis, null, now, null);

    /// <param name="emotion">The signal's emotion data: topics at a peak are named in the why.</param>
    /// <param name="platform">
    /// The platform of the signal's channel (null: the signal's own). Touchpoints on another channel (the action names
    /// one) get a null <see cref="Touchpoint.Platform"/>: only the caller knows that channel's platform.
    /// </param>
    public static IReadOnlyList<Touchpoint> Plan(
        CompiledRule rule, Signal signal, TextAnalysis analysis, EmotionSnapshot? emotion, DateTimeOffset now, string? platform)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);
        if (!string.Equals(rule.Tenant, signal.Tenant, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"rule \"{rule.Id}\" belongs to tenant \"{rule.Tenant}\" but the signal to tenant \"{signal.Tenant}\"", nameof(rule));
        }

        var peaks = Peaks(analysis, emotion);
        var facts = Facts(rule, signal, analysis, peaks);
        var touchpoints = new Touchpoint[rule.Actions.Count];
        for (var i = 0; i < touchpoints.Length; i++)
        {
            var action = rule.Actions[i];
            var id = TouchpointIds.Create(rule.Tenant, rule.Id, signal.Id, i);
            var channel = action.Channel ?? signal.Channel;
            var due = DueAt(id, action, signal.OccurredAt, now);
            touchpoints[i] = new Touchpoint
            {
                Id = id,
                Tenant = rule.Tenant,
                RuleId = rule.Id,
                RuleVersion = rule.Version ?? string.Empty,
                SignalId = signal.Id,
                ActionIndex = i,
                Type = action.Type,
                Channel = channel,
                Contact = signal.Actor.Id,
                Status = TouchpointStatus.Planned,
                DueAt = due,
                WakeAt = due,
                PlannedAt = now,
                Why = Why(rule, signal, analysis, peaks, action),
                WhyFacts = facts,
                Platform = string.Equals(channel, signal.Channel, StringComparison.Ordinal) ? platform ?? signal.Platform : null,
                ContactPlatform = string.Equals(channel, signal.Channel, StringComparison.Ordinal) && platform is not null && platform != signal.Platform ? signal.Platform : null,
                Template = action.Template,
                Text = action.Text,
                Amount = action.Amount,
                Depth = action.Depth,
                CouponValue = action.Value,
                Xp = action.Xp,
                Reason = action.Reason,
                Uses = action.Uses.Count == 0 ? null : string.Join(' ', action.Uses),
            };
        }

        return touchpoints;
    }

    private static DateTimeOffset DueAt(string touchpointId, RuleAction action, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (action.Delay <= TimeSpan.Zero)
        {
            // Never schedule into the past relative to planning, nor before the signal happened.
            return occurredAt > now ? occurredAt : now;
        }

        var random = new SlackRandom(TouchpointIds.Seed(touchpointId));
        var slackTicks = (long)Math.Floor(random.NextDouble() * action.Slack * action.Delay.Ticks);
        return occurredAt + action.Delay + TimeSpan.FromTicks(slackTicks);
    }

    /// <summary>Peaking topics, those the text named first (in its order), then any other the snapshot holds (by name).</summary>
    private static List<TopicEmotion> Peaks(TextAnalysis analysis, EmotionSnapshot? emotion)
    {
        if (emotion is null)
        {
            return [];
        }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < analysis.Topics.Count; i++)
        {
            position.TryAdd(analysis.Topics[i], i);
        }

        return emotion.Topics.Values
            .Where(t => t.Peak)
            .OrderBy(t => position.GetValueOrDefault(t.Topic, int.MaxValue))
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
    }

    private static TouchpointWhy Facts(CompiledRule rule, Signal signal, TextAnalysis analysis, List<TopicEmotion> peaks)
    {
        // Without text there was nothing to read a sentiment from; the analyser's neutral default is not a fact.
        var hasText = !string.IsNullOrWhiteSpace(signal.Text);
        return new TouchpointWhy
        {
            RuleId = rule.Id,
            RuleVersion = rule.Version ?? string.Empty,
            SignalKind = signal.Kind,
            Sentiment = hasText ? analysis.Label : null,
            NegativeScore = hasText ? analysis.Scores.Negative : null,
            Topics = [.. analysis.Topics],
            Peaks = peaks.ConvertAll(p => p.Topic),
        };
    }

    private static string Why(CompiledRule rule, Signal signal, TextAnalysis analysis, List<TopicEmotion> peaks, RuleAction action)
    {
        var version = rule.Version is { Length: > 0 } v ? $"version {v}" : "unversioned";
        var topics = analysis.Topics.Count > 0 ? $"topics {string.Join(", ", analysis.Topics)}" : "no topics";
        var when = action.Delay <= TimeSpan.Zero ? "right away" : $"{XmlConvert.ToString(action.Delay)} after the signal";
        if (action.Delay > TimeSpan.Zero && action.Slack > 0)
        {
            when += string.Create(CultureInfo.InvariantCulture, $" (+ up to {action.Slack * 100:0.#}% slack)");
        }

        return $"Rule \"{rule.Id}\" ({version}) matched a {signal.Kind} signal with {analysis.Label} sentiment and {topics}{PeakClause(peaks)}; {action.Type} {when}.";
    }

    private static string PeakClause(List<TopicEmotion> peaks)
    {
        if (peaks.Count == 0)
        {
            return string.Empty;
        }

        var each = peaks.Select(p => string.Create(
            CultureInfo.InvariantCulture, $"{p.Topic} (intensity {p.Intensity:0.00} over a baseline of {p.Baseline:0.00})"));
        return $", at an emotion peak on {string.Join(" and ", each)}";
    }
}
