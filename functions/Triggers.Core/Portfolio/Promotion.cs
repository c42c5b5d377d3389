using System.Collections.Frozen;
using Triggers.Core.Rules;
using Triggers.Core.StaffTables;

namespace Triggers.Core.Portfolio;

/// <summary>
/// A running or planned promotion on one platform (a row of table Promotions): while its exclusive window runs, other
/// platforms' coupons wait; while it runs, a coupon elsewhere may not undercut its depth by more than the margin.
/// </summary>
/// <param name="Depth">The discount, 0 to 1 (0.2 is 20 % off).</param>
/// <param name="Exclusive">How long from <paramref name="Start"/> no other platform may issue a coupon; null for none.</param>
public sealed record Promotion(string Tenant, string Id, string Platform, DateTimeOffset Start, DateTimeOffset End, double Depth, string? Kind, TimeSpan? Exclusive)
{
    public bool RunsAt(DateTimeOffset at) => Start <= at && at < End;

    /// <summary>The end of the exclusive window when <paramref name="at"/> falls in it; null otherwise.</summary>
    public DateTimeOffset? ExclusiveUntil(DateTimeOffset at) =>
        Exclusive is { } span && Start <= at && at < Min(Start + span, End) ? Min(Start + span, End) : null;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>Why a row of table Promotions was left out.</summary>
public sealed record PromotionProblem(string Tenant, string Row, string Problem);

/// <summary>Every tenant's promotions from table Promotions, checked row by row; broken rows are left out and explained.</summary>
public sealed class PromotionSet
{
    private readonly FrozenDictionary<string, Promotion[]> _byTenant;

    private PromotionSet(FrozenDictionary<string, Promotion[]> byTenant, IReadOnlyList<PromotionProblem> problems)
    {
        _byTenant = byTenant;
        Problems = problems;
    }

    public static PromotionSet Empty { get; } = new(FrozenDictionary<string, Promotion[]>.Empty, []);

    public IReadOnlyList<PromotionProblem> Problems { get; }

    public IReadOnlyList<Promotion> For(string tenant) => _byTenant.GetValueOrDefault(tenant) ?? [];

    public static PromotionSet Compile(IEnumerable<StaffRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<PromotionProblem>();
        var promotions = new List<Promotion>();
        foreach (var row in rows)
        {
            var messages = new List<string>();
            if (Read(row, messages) is { } promotion && messages.Count == 0)
            {
                promotions.Add(promotion);
            }

            problems.AddRange(messages.Select(m => new PromotionProblem(row.Tenant, row.Row, m)));
        }

        return new PromotionSet(
            promotions.GroupBy(p => p.Tenant, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.Start).ToArray(), StringComparer.Ordinal), problems);
    }

    private static Promotion? Read(StaffRow row, List<string> problems)
    {
        var platform = Text(row, "Platform");
        if (platform is null)
        {
            problems.Add("Platform is missing: name the platform the promotion runs on, for example douyin.");
        }

        var start = Time(row, "Start", problems);
        var end = Time(row, "End", problems);
        if (start is not null && end is not null && end <= start)
        {
            problems.Add($"End ({end:O}) is not after Start ({start:O}).");
        }

        var raw = row.Properties.GetValueOrDefault("Depth");
        if (!StaffCells.TryNumber(raw, out var depth) || depth is null or < 0 or >= 1)
        {
            problems.Add($"Depth is '{raw}': write the discount as a fraction from 0 to below 1 (0.2 is 20 % off).");
        }

        TimeSpan? exclusive = null;
        if (Text(row, "Exclusive") is { } text)
        {
            if (!IsoDuration.TryParse(text, out var span) || span <= TimeSpan.Zero)
            {
                problems.Add($"Exclusive '{text}' must be an ISO-8601 duration such as PT48H (from Start, when no other platform may issue a coupon), or empty.");
            }
            else
            {
                exclusive = span;
            }
        }

        return platform is null || start is null || end is null || depth is null ? null
            : new Promotion(row.Tenant, row.Row, platform, start.Value, end.Value, depth.Value, Text(row, "Kind"), exclusive);
    }

    private static string? Text(StaffRow row, string name) =>
        row.Properties.GetValueOrDefault(name) is { } value && value.ToString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static DateTimeOffset? Time(StaffRow row, string name, List<string> problems)
    {
        var raw = row.Properties.GetValueOrDefault(name);
        if (!StaffCells.TryTime(raw, out var value) || value is null)
        {
            problems.Add($"{name} is '{raw}': use type DateTime, or text such as 2026-12-12T00:00:00+08:00.");
        }

        return value;
    }
}
