using System.Collections.Frozen;
using System.Globalization;
using Triggers.Core.JsonLogic;
using Triggers.Core.Rules;

namespace Triggers.Core.Trust;

/// <summary>One tenant's scoring: its settings and its contribution rows, in row order.</summary>
public sealed record TenantScoring(TrustSettings Settings, IReadOnlyList<Contribution> Contributions)
{
    /// <summary>The points a signal earns per component, and the rows that gave them (for the entry's reason).</summary>
    public (IReadOnlyDictionary<string, double> Points, IReadOnlyList<string> Rows) Score(JsonLogicData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        var rows = new List<string>();
        foreach (var contribution in Contributions)
        {
            if (data.Satisfies(contribution.When))
            {
                points[contribution.Component] = points.GetValueOrDefault(contribution.Component) + contribution.Earned(data);
                rows.Add(contribution.Id);
            }
        }

        return (points, rows);
    }
}

/// <summary>
/// Every tenant's scoring from table Scoring, compiled. A tenant with no rows scores no one. A broken row is left out and
/// explained in <see cref="Problems"/>; a broken <c>settings</c> row leaves the defaults in use. Immutable.
/// </summary>
public sealed class ScoringSet
{
    /// <summary>The RowKey of a tenant's settings row; every other row is a contribution.</summary>
    public const string SettingsRow = "settings";

    public const double MaxPoints = 1000;

    private const string WhenExample = """{"==": [{"var": "signal.attributes.event"}, "answer"]}""";

    private readonly FrozenDictionary<string, TenantScoring> _byTenant;

    private ScoringSet(FrozenDictionary<string, TenantScoring> byTenant, IReadOnlyList<ScoringProblem> problems)
    {
        _byTenant = byTenant;
        Problems = problems;
    }

    public static ScoringSet Empty { get; } = new(FrozenDictionary<string, TenantScoring>.Empty, []);

    public IReadOnlyList<ScoringProblem> Problems { get; }

    /// <summary>The tenant's scoring, or null when it has no rows in table Scoring.</summary>
    public TenantScoring? For(string tenant) => _byTenant.GetValueOrDefault(tenant);

    public static ScoringSet Compile(IEnumerable<StaffTables.StaffRow> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var problems = new List<ScoringProblem>();
        var byTenant = new Dictionary<string, TenantScoring>(StringComparer.Ordinal);
        foreach (var tenant in definitions.GroupBy(d => d.Tenant, StringComparer.Ordinal))
        {
            var settings = TrustSettings.Default;
            var contributions = new List<Contribution>();
            foreach (var row in tenant.OrderBy(d => d.Row, StringComparer.Ordinal))
            {
                var messages = new List<string>();
                if (row.Row == SettingsRow)
                {
                    settings = ReadSettings(row, messages) ?? settings;
                }
                else if (Enabled(row, messages) && ReadContribution(row, messages) is { } contribution && messages.Count == 0)
                {
                    contributions.Add(contribution);
                }

                problems.AddRange(messages.Select(m => new ScoringProblem(row.Tenant, row.Row, m)));
            }

            byTenant[tenant.Key] = new TenantScoring(settings, contributions);
        }

        return new ScoringSet(byTenant.ToFrozenDictionary(StringComparer.Ordinal), problems);
    }

    private static bool Enabled(StaffTables.StaffRow row, List<string> problems)
    {
        var raw = row.Properties.GetValueOrDefault("Enabled");
        if (StaffTables.StaffCells.TryBool(raw, out var enabled))
        {
            return enabled ?? true;
        }

        problems.Add($"Enabled is '{raw}', not a boolean: set it to true or false (type Boolean), or delete it (a row is on by default).");
        return false;
    }

    private static Contribution? ReadContribution(StaffTables.StaffRow row, List<string> problems)
    {
        var component = Text(row, "Component");
        if (component is null || !TrustComponents.IsEarned(component))
        {
            problems.Add($"Component is '{component}': use one of {string.Join(", ", TrustComponents.Earned)} (tenure is counted, not earned).");
        }

        var when = RuleCompiler.CompileCondition(Text(row, "When"), problems);
        if (when is null && !problems.Exists(p => p.StartsWith("When", StringComparison.Ordinal)))
        {
            problems.Add($"When is missing: write the condition as JsonLogic, for example {WhenExample}.");
        }

        var points = Number(row, "Points", problems, required: true);
        if (points is { } p && (p == 0 || Math.Abs(p) > MaxPoints))
        {
            problems.Add($"Points is {p.ToString(CultureInfo.InvariantCulture)}: use a number from -{MaxPoints} to {MaxPoints}, not 0.");
        }

        JsonLogicExpression? per = null;
        if (Text(row, "Per") is { } path)
        {
            if (path.Length > 200 || !path.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                problems.Add($"Per '{path}' must be the path of a number in what rules see, for example signal.attributes.amount.");
            }
            else
            {
                per = JsonLogic.JsonLogic.Compile(new System.Text.Json.Nodes.JsonObject { ["var"] = path });
            }
        }

        return component is null || when is null || points is null ? null : new Contribution(row.Tenant, row.Row, component, when, points.Value, Text(row, "Description")) { Per = per };
    }

    private static TrustSettings? ReadSettings(StaffTables.StaffRow row, List<string> problems)
    {
        var weights = new Dictionary<string, double>(TrustSettings.Default.Weights, StringComparer.Ordinal);
        foreach (var component in TrustComponents.All)
        {
            var name = char.ToUpperInvariant(component[0]) + component[1..];
            if (Number(row, name, problems, required: false) is { } weight)
            {
                if (weight < 0 || weight > 100)
                {
                    problems.Add($"{name} is {weight.ToString(CultureInfo.InvariantCulture)}: a weight is from 0 to 100 (weights are relative).");
                }

                weights[component] = weight;
            }
        }

        if (weights.Values.All(w => w <= 0))
        {
            problems.Add("every weight is 0: give at least one of Transactions, Community, Sentiment, Tenure a positive weight.");
        }

        var halfLife = TrustSettings.Default.HalfLife;
        if (Text(row, "HalfLife") is { } text)
        {
            if (!IsoDuration.TryParse(text, out halfLife) || halfLife < TimeSpan.FromDays(1) || halfLife > TimeSpan.FromDays(3650))
            {
                problems.Add($"HalfLife '{text}' must be an ISO-8601 duration from P1D to P3650D, for example P90D.");
            }
        }

        var scale = Number(row, "Scale", problems, required: false) ?? TrustSettings.Default.Scale;
        if (scale is <= 0 or > 100_000)
        {
            problems.Add($"Scale is {scale.ToString(CultureInfo.InvariantCulture)}: the points at which a component reaches about 63 must be from 1 to 100000.");
        }

        var tenure = Number(row, "TenureDays", problems, required: false) ?? TrustSettings.Default.TenureDays;
        if (tenure < 1 || tenure > 36500 || tenure != Math.Floor(tenure))
        {
            problems.Add($"TenureDays is {tenure.ToString(CultureInfo.InvariantCulture)}: use a whole number of days from 1 to 36500.");
        }

        return problems.Count > 0 ? null : new TrustSettings { Weights = weights, HalfLife = halfLife, Scale = scale, TenureDays = (int)tenure };
    }

    private static string? Text(StaffTables.StaffRow row, string name) =>
        row.Properties.GetValueOrDefault(name) is { } value && value.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static double? Number(StaffTables.StaffRow row, string name, List<string> problems, bool required)
    {
        var raw = row.Properties.GetValueOrDefault(name);
        if (!StaffTables.StaffCells.TryNumber(raw, out var value))
        {
            problems.Add($"{name} is '{raw}', not a number: write digits, for example {name} = 5.");
        }
        else if (value is null && required)
        {
            problems.Add($"{name} is missing: add a number (type Double or Int32), for example {name} = 5.");
        }

        return value;
    }
}
