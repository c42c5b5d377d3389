namespace Triggers.Core.Portfolio;

/// <summary>A signal as the control lines count it: its platform, and for an order the revenue (yuan).</summary>
public sealed record SignalFact(string Platform, string Person, string Kind, DateTimeOffset At, decimal Revenue);

/// <summary>
/// A touch that went out, as the control lines cost it: where, from which rule (the scene), of which type (only those
/// that reach the contact count), to whom, and a coupon's face value in yuan.
/// </summary>
public sealed record TouchFact(string Id, string Platform, string RuleId, string Type, string Person, DateTimeOffset At, decimal CouponValue);

/// <summary>Knowledge coins a person redeemed for a reward (an applied withdrawal), costed at the tenant's CoinValue.</summary>
public sealed record RedemptionFact(string Person, DateTimeOffset At, long Coins);

/// <summary>One line crossed: which, for which platform (null for innovation), the value and the threshold.</summary>
public sealed record CrossedLine(string Line, string? Platform, double Value, double Threshold);

/// <summary>A platform's share of the window's signals and of its order revenue, as fractions of 1.</summary>
public sealed record Concentration(double Signals, double Revenue);

/// <summary>The three control lines of one tenant over one window (docs/portfolio.md), as <c>GET /api/admin/control-lines</c> returns them.</summary>
/// <param name="Thresholds">The lines as table Portfolio set them at this computation (null in results stored before they were kept).</param>
public sealed record ControlLineResult(
    string Tenant,
    DateTimeOffset ComputedAt,
    string Window,
    IReadOnlyDictionary<string, Concentration> Concentration,
    IReadOnlyDictionary<string, double?> Roi,
    IReadOnlyDictionary<string, double?> Scenes,
    InnovationShare Innovation,
    IReadOnlyList<CrossedLine> Crossed,
    LineThresholds? Thresholds = null);

/// <summary>The warning line (a platform's largest share of signals), the profit line (the lowest ROI) and the innovation line (the least share of cost on new platforms).</summary>
public sealed record LineThresholds(double Concentration, double Roi, double Innovation);

public sealed record InnovationShare(double Share);

/// <summary>
/// Computes the control lines from what happened in the window (docs/portfolio.md#the-three-control-lines):
/// <list type="bullet">
/// <item>concentration: each platform's share of signals, and of order revenue;</item>
/// <item>ROI per platform and per scene (rule): revenue attributed to touches divided by their cost. Only touches that
/// reach the contact (message, invite, coupon) count. An order is attributed to the person's last touch within the
/// attribution window before it (last touch); so are the coins a person redeems. A touch's cost is its platform's
/// TouchCost, plus a coupon's face value, plus the coins redeemed after it at CoinValue, plus the platform's fee on the
/// revenue attributed to it. No cost: ROI is null;</item>
/// <item>innovation: the share of touch cost spent on platforms marked new.</item>
/// </list>
/// Sums are exact (decimal yuan; fees are not rounded), and shares and ratios are rounded to the thousandth, half away from zero.
/// </summary>
public static class ControlLineCalculator
{
    public const string ConcentrationLine = "concentration";
    public const string RoiLine = "roi";
    public const string InnovationLine = "innovation";

    public static ControlLineResult Compute(
        string tenant, DateTimeOffset now, TenantPortfolio portfolio, IEnumerable<SignalFact> signals, IEnumerable<TouchFact> touches, IEnumerable<RedemptionFact> redemptions)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(touches);
        ArgumentNullException.ThrowIfNull(redemptions);
        var settings = portfolio.Settings;
        var since = now - settings.Window;
        var inWindow = signals.Where(s => s.At > since && s.At <= now).ToList();
        var sent = touches.Where(t => Rules.ActionTypes.ReachesContact(t.Type) && t.At > since - settings.AttributionWindow && t.At <= now).OrderBy(t => t.At).ToList();

        var total = inWindow.Count;
        var revenue = inWindow.Sum(s => s.Revenue);
        var concentration = inWindow.GroupBy(s => s.Platform, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new Concentration(Ratio(g.Count(), total), revenue == 0 ? 0 : Ratio(g.Sum(s => s.Revenue), revenue)),
            StringComparer.Ordinal);

        // Last touch: each order's revenue, and each redemption's coins, go to the person's latest touch within the
        // attribution window before it.
        var byPerson = sent.ToLookup(t => t.Person, StringComparer.Ordinal);
        TouchFact? LastTouch(string person, DateTimeOffset at) =>
            byPerson[person].LastOrDefault(t => t.At <= at && t.At >= at - settings.AttributionWindow);
        var attributed = new Dictionary<TouchFact, decimal>();
        foreach (var order in inWindow.Where(s => s.Revenue > 0))
        {
            if (LastTouch(order.Person, order.At) is { } touch)
            {
                attributed[touch] = attributed.GetValueOrDefault(touch) + order.Revenue;
            }
        }

        var redeemed = new Dictionary<TouchFact, long>();
        foreach (var redemption in redemptions.Where(r => r.At > since && r.At <= now && r.Coins > 0))
        {
            if (LastTouch(redemption.Person, redemption.At) is { } touch)
            {
                redeemed[touch] = redeemed.GetValueOrDefault(touch) + redemption.Coins;
            }
        }

        var costed = sent.Where(t => t.At > since).ToList();
        decimal Cost(TouchFact t) => (decimal)portfolio.RoleOf(string.Empty, t.Platform).TouchCost + t.CouponValue
            + (settings.CoinValue * redeemed.GetValueOrDefault(t))
            + ((decimal)portfolio.RoleOf(string.Empty, t.Platform).FeeRate * attributed.GetValueOrDefault(t));
        var roi = Returns(costed, t => t.Platform, Cost, attributed);
        var scenes = Returns(costed, t => t.RuleId, Cost, attributed);

        var spend = costed.Sum(Cost);
        var innovation = spend == 0 ? 0 : Ratio(costed.Where(t => portfolio.RoleOf(string.Empty, t.Platform).NewPlatform).Sum(Cost), spend);

        var crossed = new List<CrossedLine>();
        crossed.AddRange(concentration.Where(c => c.Value.Signals > settings.ConcentrationLine).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CrossedLine(ConcentrationLine, c.Key, c.Value.Signals, settings.ConcentrationLine)));
        crossed.AddRange(roi.Where(r => r.Value is { } v && v < settings.RoiLine).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new CrossedLine(RoiLine, r.Key, r.Value!.Value, settings.RoiLine)));
        if (spend > 0 && innovation < settings.InnovationShare)
        {
            crossed.Add(new CrossedLine(InnovationLine, null, innovation, settings.InnovationShare));
        }

        return new ControlLineResult(tenant, now, System.Xml.XmlConvert.ToString(settings.Window), concentration, roi, scenes, new InnovationShare(innovation), crossed,
            new LineThresholds(settings.ConcentrationLine, settings.RoiLine, settings.InnovationShare));
    }

    private static Dictionary<string, double?> Returns(
        IEnumerable<TouchFact> touches, Func<TouchFact, string> key, Func<TouchFact, decimal> cost, Dictionary<TouchFact, decimal> attributed) =>
        touches.GroupBy(key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Sum(cost) is var c && c > 0 ? Ratio(g.Sum(t => attributed.GetValueOrDefault(t)), c) : (double?)null,
            StringComparer.Ordinal);

    private static double Ratio(decimal part, decimal whole) => (double)Math.Round(part / whole, 3, MidpointRounding.AwayFromZero);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)Math.Round((decimal)part / whole, 3, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What rules see as <c>controls</c>: <c>concentration.&lt;platform&gt;</c> (its share of signals),
    /// <c>roi.&lt;platform&gt;</c> (null without cost) and <c>innovation.share</c>.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject ToLogicData(ControlLineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new System.Text.Json.Nodes.JsonObject
        {
            ["concentration"] = new System.Text.Json.Nodes.JsonObject(result.Concentration.Select(c => KeyValuePair.Create(c.Key, (System.Text.Json.Nodes.JsonNode?)c.Value.Signals))),
            ["roi"] = new System.Text.Json.Nodes.JsonObject(result.Roi.Select(r => KeyValuePair.Create(r.Key, r.Value is { } v ? (System.Text.Json.Nodes.JsonNode?)v : null))),
            ["innovation"] = new System.Text.Json.Nodes.JsonObject { ["share"] = result.Innovation.Share },
        };
    }
}
