namespace Triggers.Core.Touchpoints;

/// <summary>
/// What made a rule plan a touchpoint, kept beside the sentence in <see cref="Touchpoint.Why"/> so people and tools can
/// filter on it: the rule and its version, the signal's kind, the sentiment, the topics and the emotion peaks that mattered.
/// </summary>
public sealed record TouchpointWhy
{
    public required string RuleId { get; init; }

    public required string RuleVersion { get; init; }

    public required string SignalKind { get; init; }

    /// <summary>positive, neutral or negative; null when the signal had no text.</summary>
    public string? Sentiment { get; init; }

    public double? NegativeScore { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Topics whose emotion was at a peak for this contact when the signal arrived.</summary>
    public IReadOnlyList<string> Peaks { get; init; } = [];
}
