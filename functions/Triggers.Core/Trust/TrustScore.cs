namespace Triggers.Core.Trust;

/// <summary>A person's trust, 0-100, and each component's part: what rules see as <c>contact.trust</c>.</summary>
public sealed record TrustView(double Score, IReadOnlyDictionary<string, TrustComponentView> Components);

/// <summary>One component: its own score (0-100), its weight in the total, and the decayed points behind it.</summary>
public sealed record TrustComponentView(double Score, double Weight, double Points);

/// <summary>
/// Computes trust from the states of a person's accounts (docs/relationships.md#trust). Earned points of all accounts add
/// up, decayed to now. Transactions and community score <c>100 × (1 − e^(−points / Scale))</c> (0 with no points);
/// sentiment scores <c>50 + 50 × tanh(points / Scale)</c> (50 is neutral); tenure is <c>100 × days known / TenureDays</c>,
/// at most 100. The score is the weighted mean of the four, rounded to one decimal.
/// </summary>
public static class TrustScore
{
    public static TrustView Compute(IEnumerable<TrustState> states, TrustSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(settings);
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        DateTimeOffset? first = null;
        foreach (var state in states)
        {
            foreach (var (component, value) in state.DecayedTo(now, settings.HalfLife))
            {
                points[component] = points.GetValueOrDefault(component) + value;
            }

            first = first is null || state.FirstSeen < first ? state.FirstSeen : first;
        }

        var days = first is { } since && now > since ? (now - since).TotalDays : 0;
        var components = new Dictionary<string, TrustComponentView>(StringComparer.Ordinal);
        foreach (var component in TrustComponents.All)
        {
            var earned = points.GetValueOrDefault(component);
            var score = component switch
            {
                TrustComponents.Sentiment => 50 + (50 * Math.Tanh(earned / settings.Scale)),
                TrustComponents.Tenure => 100 * Math.Min(1, days / settings.TenureDays),
                _ => 100 * (1 - Math.Exp(-Math.Max(0, earned) / settings.Scale)),
            };
            components[component] = new TrustComponentView(Round(score), settings.Weights.GetValueOrDefault(component), Round(component == TrustComponents.Tenure ? days : earned));
        }

        var weight = components.Values.Sum(c => c.Weight);
        var total = weight > 0 ? components.Values.Sum(c => c.Score * c.Weight) / weight : 0;
        return new TrustView(Round(total), components);
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
