using System.Globalization;
using System.Xml;
using Triggers.Core.Analysis;
using Triggers.Core.Rules;
using Triggers.Core.Signals;

namespace Triggers.Core.Touchpoints;

/// <summary>
/// Turns a matched rule into touchpoints, one per action. Timing is the signal time plus the action's delay plus
/// a "human touch" slack drawn from a generator seeded by the touchpoint id: varied, yet the same on every replay.
/// </summary>
public static class TouchpointPlanner
{
    public static IReadOnlyList<Touchpoint> Plan(CompiledRule rule, Signal signal, TextAnalysis analysis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(analysis);
        if (!string.Equals(rule.Tenant, signal.Tenant, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"rule \"{rule.Id}\" belongs to tenant \"{rule.Tenant}\" but the signal to tenant \"{signal.Tenant}\"", nameof(rule));
        }

        var touchpoints = new Touchpoint[rule.Actions.Count];
        for (var i = 0; i < touchpoints.Length; i++)
        {
            var action = rule.Actions[i];
            var id = TouchpointIds.Create(rule.Tenant, rule.Id, signal.Id, i);
            touchpoints[i] = new Touchpoint
            {
                Id = id,
                Tenant = rule.Tenant,
                RuleId = rule.Id,
                RuleVersion = rule.Version ?? string.Empty,
                SignalId = signal.Id,
                ActionIndex = i,
                Type = action.Type,
                Channel = action.Channel ?? signal.Channel,
                Contact = signal.Actor.Id,
                Status = TouchpointStatus.Planned,
                DueAt = DueAt(id, action, signal.OccurredAt, now),
                PlannedAt = now,
                Why = Why(rule, signal, analysis, action),
                Template = action.Template,
                Text = action.Text,
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

    private static string Why(CompiledRule rule, Signal signal, TextAnalysis analysis, RuleAction action)
    {
        var version = rule.Version is { Length: > 0 } v ? $"version {v}" : "unversioned";
        var topics = analysis.Topics.Count > 0 ? $"topics {string.Join(", ", analysis.Topics)}" : "no topics";
        var when = action.Delay <= TimeSpan.Zero ? "right away" : $"{XmlConvert.ToString(action.Delay)} after the signal";
        if (action.Delay > TimeSpan.Zero && action.Slack > 0)
        {
            when += string.Create(CultureInfo.InvariantCulture, $" (+ up to {action.Slack * 100:0.#}% slack)");
        }

        return $"Rule \"{rule.Id}\" ({version}) matched a {signal.Kind} signal with {analysis.Label} sentiment and {topics}; {action.Type} {when}.";
    }
}
