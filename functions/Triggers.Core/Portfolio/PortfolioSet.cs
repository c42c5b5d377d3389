using System.Collections.Frozen;
using System.Globalization;
using Triggers.Core.Rules;
using Triggers.Core.StaffTables;

namespace Triggers.Core.Portfolio;

/// <summary>One tenant's portfolio: its control-line settings and the roles of its platforms and channels.</summary>
public sealed record TenantPortfolio(PortfolioSettings Settings, IReadOnlyDictionary<string, PlatformRole> Platforms, IReadOnlyDictionary<string, PlatformRole> Channels)
{
    public static TenantPortfolio Default { get; } = new(PortfolioSettings.Default, FrozenDictionary<string, PlatformRole>.Empty, FrozenDictionary<string, PlatformRole>.Empty);

    /// <summary>The tenant has rows in table Portfolio: its people's journeys are tracked (a read per signal).</summary>
    public bool Configured { get; init; }

    /// <summary>The role of a signal's channel: its channel row, else its platform row, else nothing configured.</summary>
    public PlatformRole RoleOf(string channel, string platform) =>
        Channels.GetValueOrDefault(channel) ?? Platforms.GetValueOrDefault(platform) ?? PlatformRole.None;

    /// <summary>What rules see as <c>signal.quadrant</c>: the configured quadrant, else the platform's usual one, else null.</summary>
    public string? QuadrantOf(string channel, string platform) => RoleOf(channel, platform).Quadrant ?? Quadrants.DefaultOf(platform);
}

/// <summary>Why a row of table Portfolio was left out: what is wrong, in which field, and how to fix it.</summary>
public sealed record PortfolioProblem(string Tenant, string Row, string Problem);

/// <summary>
/// Every tenant's portfolio from table Portfolio (docs/portfolio.md). RowKey <c>thresholds</c>: the lines, windows and
/// values; RowKey <c>channel:{name}</c>: a channel; any other RowKey: a platform. A broken row is left out and explained
/// (a column the row does not have is a problem too, so a misspelt one is not silently ignored); a broken thresholds row
/// leaves the defaults in use. A tenant without rows has the defaults and the usual quadrants.
/// </summary>
public sealed class PortfolioSet
{
    public const string ThresholdsRow = "thresholds";

    // Note: free text for people, never read.
    private static readonly string[] RoleColumns = ["Quadrant", "IsNew", "TouchCost", "FeeRate", "Note"];

    // Names the columns had before they took the contract's, so a row typed from an old note is pointed at the new one.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NewPlatform"] = "IsNew", ["ConcentrationLine"] = "Concentration", ["RoiLine"] = "Roi", ["InnovationShare"] = "Innovation",
    };

    private static readonly string[] ThresholdColumns = ["Concentration", "Roi", "Innovation", "Window", "AttributionWindow", "UndercutMargin", "CoinValue", "AlertChannel", "Note"];
    public const string ChannelPrefix = "channel:";

    private readonly FrozenDictionary<string, TenantPortfolio> _byTenant;

    private PortfolioSet(FrozenDictionary<string, TenantPortfolio> byTenant, IReadOnlyList<PortfolioProblem> problems)
    {
        _byTenant = byTenant;
        Problems = problems;
    }

    public static PortfolioSet Empty { get; } = new(FrozenDictionary<string, TenantPortfolio>.Empty, []);

    public IReadOnlyList<PortfolioProblem> Problems { get; }

    public TenantPortfolio For(string tenant) => _byTenant.GetValueOrDefault(tenant) ?? TenantPortfolio.Default;

    public static PortfolioSet Compile(IEnumerable<StaffRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<PortfolioProblem>();
        var byTenant = new Dictionary<string, TenantPortfolio>(StringComparer.Ordinal);
        foreach (var tenant in rows.GroupBy(r => r.Tenant, StringComparer.Ordinal))
        {
            var settings = PortfolioSettings.Default;
            var (platforms, channels) = (new Dictionary<string, PlatformRole>(StringComparer.Ordinal), new Dictionary<string, PlatformRole>(StringComparer.Ordinal));
            foreach (var row in tenant.OrderBy(r => r.Row, StringComparer.Ordinal))
            {
                var messages = new List<string>();
                if (row.Row == ThresholdsRow)
                {
                    settings = ReadSettings(row, messages) ?? settings;
                }
                else if (ReadRole(row, messages) is { } role && messages.Count == 0)
                {
                    if (row.Row.StartsWith(ChannelPrefix, StringComparison.Ordinal))
                    {
                        channels[row.Row[ChannelPrefix.Length..]] = role;
                    }
                    else
                    {
                        platforms[row.Row] = role;
                    }
                }

                problems.AddRange(messages.Select(m => new PortfolioProblem(row.Tenant, row.Row, m)));
            }

            byTenant[tenant.Key] = new TenantPortfolio(settings, platforms.ToFrozenDictionary(StringComparer.Ordinal), channels.ToFrozenDictionary(StringComparer.Ordinal)) { Configured = true };
        }

        return new PortfolioSet(byTenant.ToFrozenDictionary(StringComparer.Ordinal), problems);
    }

    private static PlatformRole? ReadRole(StaffRow row, List<string> problems)
    {
        if (row.Row.Length is 0 or > 100 || (row.Row.StartsWith(ChannelPrefix, StringComparison.Ordinal) && row.Row.Length == ChannelPrefix.Length))
        {
            problems.Add("RowKey must name a platform (douyin, wechat…), channel:{name}, or thresholds.");
            return null;
        }

        if (row.Row == "settings")
        {
            problems.Add("RowKey settings is not a platform: the row of lines and windows is called thresholds; rename it.");
            return null;
        }

        Unknown(row, RoleColumns, problems);

        var quadrant = Text(row, "Quadrant");
        if (quadrant is not null && !Quadrants.IsKnown(quadrant))
        {
            problems.Add($"Quadrant is '{quadrant}': use one of {string.Join(", ", Quadrants.All)}, or leave it empty for the platform's usual role.");
        }

        var raw = row.Properties.GetValueOrDefault("IsNew");
        if (!StaffCells.TryBool(raw, out var isNew))
        {
            problems.Add($"IsNew is '{raw}', not a boolean: set it to true or false, or delete it (false by default).");
        }

        var cost = Number(row, "TouchCost", 0, 0, 10_000, "yuan for one automated touch, from 0 to 10000", problems);
        var fee = Number(row, "FeeRate", 0, 0, 1, "the platform's share of revenue, from 0 to 1 (0.05 is 5 %)", problems);
        return new PlatformRole(quadrant, isNew ?? false, cost, fee);
    }

    private static PortfolioSettings? ReadSettings(StaffRow row, List<string> problems)
    {
        var before = problems.Count;
        Unknown(row, ThresholdColumns, problems);
        var alertChannel = Text(row, "AlertChannel");
        if (alertChannel is { Length: > 100 })
        {
            problems.Add($"AlertChannel is {alertChannel.Length} characters long: write the name of a channel (Channels:{{name}}), for example a WeCom channel with a RobotKey.");
        }

        var settings = new PortfolioSettings
        {
            ConcentrationLine = Number(row, "Concentration", PortfolioSettings.Default.ConcentrationLine, 0.01, 1, "a share of traffic from 0.01 to 1 (0.40 is 40 %)", problems),
            RoiLine = Number(row, "Roi", PortfolioSettings.Default.RoiLine, 0, 1000, "a return on cost from 0 to 1000 (1.5 is 150 %)", problems),
            InnovationShare = Number(row, "Innovation", PortfolioSettings.Default.InnovationShare, 0, 1, "a share of the year's touch cost from 0 to 1 (0.20 is 20 %)", problems),
            Window = Duration(row, "Window", PortfolioSettings.Default.Window, problems),
            AttributionWindow = Duration(row, "AttributionWindow", PortfolioSettings.Default.AttributionWindow, problems),
            UndercutMargin = Number(row, "UndercutMargin", PortfolioSettings.Default.UndercutMargin, 0, 1, "the depth a coupon may exceed another platform's running promotion by, from 0 to 1 (0.05 is 5 points)", problems),
            CoinValue = (decimal)Number(row, "CoinValue", 0, 0, 1000, "the yuan one knowledge coin costs the brand when it is redeemed, from 0 to 1000 (0.01 is one fen)", problems),
            AlertChannel = alertChannel,
        };
        return problems.Count > before ? null : settings;
    }

    /// <summary>A column the row does not have: most often a misspelling, which would otherwise leave a default in force unnoticed.</summary>
    private static void Unknown(StaffRow row, string[] columns, List<string> problems)
    {
        foreach (var name in row.Properties.Keys.Where(k => !columns.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            var renamed = Renamed.GetValueOrDefault(name);
            var near = columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? columns.FirstOrDefault(c => c == renamed)
                ?? columns.FirstOrDefault(c => name.StartsWith(c, StringComparison.OrdinalIgnoreCase) || c.StartsWith(name, StringComparison.OrdinalIgnoreCase));
            problems.Add($"{name} is not a column of this row: {(near is null ? string.Empty : $"did you mean {near}? ")}use {string.Join(", ", columns)}, or delete it.");
        }
    }

    private static string? Text(StaffRow row, string name) =>
        row.Properties.GetValueOrDefault(name) is { } value && value.ToString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static double Number(StaffRow row, string name, double fallback, double min, double max, string what, List<string> problems)
    {
        var raw = row.Properties.GetValueOrDefault(name);
        if (!StaffCells.TryNumber(raw, out var value) || value is < 0 && min >= 0 || value < min || value > max)
        {
            problems.Add($"{name} is '{Convert.ToString(raw, CultureInfo.InvariantCulture)}': write {what}.");
            return fallback;
        }

        return value ?? fallback;
    }

    /// <summary>An ISO-8601 duration (<c>P30D</c>), or a number of days as staff may type it (30).</summary>
    private static TimeSpan Duration(StaffRow row, string name, TimeSpan fallback, List<string> problems)
    {
        var raw = row.Properties.GetValueOrDefault(name);
        if (StaffCells.TryNumber(raw, out var days) && days is { } count)
        {
            if (count is >= 1 and <= 366 && count == Math.Floor(count))
            {
                return TimeSpan.FromDays(count);
            }
        }
        else if (Text(row, name) is not { } text)
        {
            return fallback;
        }
        else if (IsoDuration.TryParse(text, out var value) && value >= TimeSpan.FromDays(1) && value <= TimeSpan.FromDays(366))
        {
            return value;
        }

        problems.Add($"{name} is '{Convert.ToString(raw, CultureInfo.InvariantCulture)}': write an ISO-8601 duration from P1D to P366D (P30D), or a whole number of days from 1 to 366.");
        return fallback;
    }
}
