namespace Triggers.Core.Trust;

/// <summary>
/// A tenant's scoring settings (row <c>settings</c> of table Scoring): the weight of each component in the score, the
/// half-life after which points count half, the points at which a component reaches about 63 of 100 (<see cref="Scale"/>),
/// and the days of tenure that count fully.
/// </summary>
public sealed record TrustSettings
{
    public static TrustSettings Default { get; } = new();

    public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [TrustComponents.Transactions] = 0.35,
        [TrustComponents.Community] = 0.35,
        [TrustComponents.Sentiment] = 0.15,
        [TrustComponents.Tenure] = 0.15,
    };

    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(90);

    public double Scale { get; init; } = 50;

    public int TenureDays { get; init; } = 365;
}
