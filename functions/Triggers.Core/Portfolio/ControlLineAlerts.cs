using System.Globalization;
using System.Text.Json.Nodes;
using Triggers.Core.Handoffs;
using Triggers.Core.Identity;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Core.Portfolio;

/// <summary>
/// One ops alert per crossing (docs/portfolio.md): a line that is newly crossed raises an alert naming what to do; one
/// that stays crossed raises nothing more; one that falls back is forgotten, so crossing it again raises one more.
/// </summary>
public static class ControlLineAlerts
{
    /// <summary>The key of a crossed line in the remembered set: <c>{line}|{platform}</c> (<c>-</c> for innovation).</summary>
    public static string KeyOf(CrossedLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"{line.Line}|{line.Platform ?? "-"}";
    }

    /// <summary>The lines to alert on (crossed now, not before) and the set to remember (crossed now).</summary>
    public static (IReadOnlyList<CrossedLine> Raise, IReadOnlySet<string> Crossed) Judge(IReadOnlySet<string> crossedBefore, ControlLineResult result)
    {
        ArgumentNullException.ThrowIfNull(crossedBefore);
        ArgumentNullException.ThrowIfNull(result);
        var now = result.Crossed.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        return ([.. result.Crossed.Where(c => !crossedBefore.Contains(KeyOf(c)))], now);
    }

    /// <summary>The alert for a newly crossed line, as a hand-off for the operations team, naming what to do.</summary>
    /// <param name="judgedAgainst">The version of the remembered set the line was judged new against: the alert's id comes
    /// from it and the line, so two computations judging against the same set raise one alert.</param>
    public static Handoff ToHandoff(CrossedLine line, ControlLineResult result, TenantPortfolio portfolio, string judgedAgainst)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(portfolio);
        var why = Advice(line, result, portfolio);
        return new Handoff
        {
            Id = StableId.From("control-line", result.Tenant, KeyOf(line), judgedAgainst),
            Tenant = result.Tenant,
            Channel = "portfolio",
            Contact = KeyOf(line),
            RuleId = "control-lines",
            Status = HandoffStatus.Open,
            Urgency = 0.5,
            CreatedAt = result.ComputedAt,
            Why = why,
            ContextJson = new JsonObject
            {
                ["why"] = why, ["line"] = line.Line, ["platform"] = line.Platform, ["value"] = line.Value, ["threshold"] = line.Threshold, ["computedAt"] = result.ComputedAt,
            }.ToJsonString(),
        };
    }

    /// <summary>
    /// The same alert for a staff group (the tenant's AlertChannel: a WeCom channel posts it through its group robot), as
    /// an <c>alert</c> touchpoint the dispatcher sends. Its id comes from the hand-off's, so raising it again adds nothing.
    /// </summary>
    public static Touchpoint ToTouchpoint(Handoff alert, string channel, string platform, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new Touchpoint
        {
            Id = TouchpointIds.Create(alert.Tenant, alert.RuleId, alert.Id, 0),
            Tenant = alert.Tenant,
            RuleId = alert.RuleId,
            RuleVersion = string.Empty,
            SignalId = alert.Id,
            ActionIndex = 0,
            Type = ActionTypes.Alert,
            Channel = channel,
            Contact = alert.Contact,
            Platform = platform,
            Status = TouchpointStatus.Planned,
            DueAt = now,
            WakeAt = now,
            PlannedAt = now,
            Why = alert.Why,
            Text = $"【控制线 control line】{alert.Tenant}: {alert.Why}",
        };
    }

    /// <summary>What the line means and what to do: the platforms to spread to, the scenes with the best ROI, the new platforms below their share.</summary>
    public static string Advice(CrossedLine line, ControlLineResult result, TenantPortfolio portfolio)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(portfolio);
        static string Pct(double v) => v.ToString("P0", CultureInfo.InvariantCulture);
        switch (line.Line)
        {
            case ControlLineCalculator.ConcentrationLine:
                var others = result.Concentration.Where(c => c.Key != line.Platform).OrderBy(c => c.Value.Signals).Take(3).Select(c => $"{c.Key} ({Pct(c.Value.Signals)})").ToList();
                return $"{line.Platform} carries {Pct(line.Value)} of signals, over the {Pct(line.Threshold)} warning line: plan to spread it"
                    + (others.Count > 0 ? $" to {string.Join(", ", others)}" : " to other platforms");
            case ControlLineCalculator.RoiLine:
                var best = result.Scenes.Where(s => s.Value is not null).OrderByDescending(s => s.Value).Take(3).Select(s => $"{s.Key} ({s.Value:0.##})").ToList();
                return $"ROI on {line.Platform} is {line.Value:0.###}, under the {line.Threshold:0.##} profit line: move resources"
                    + (best.Count > 0 ? $" to the scenes with the best ROI: {string.Join(", ", best)}" : " to higher-converting scenes");
            default:
                var fresh = portfolio.Platforms.Where(p => p.Value.NewPlatform).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                return $"new platforms took {Pct(line.Value)} of touch cost, under the {Pct(line.Threshold)} innovation line"
                    + (fresh.Count > 0 ? $": try {string.Join(", ", fresh)} more" : ": mark the platforms being tried IsNew in table Portfolio and try them");
        }
    }
}
