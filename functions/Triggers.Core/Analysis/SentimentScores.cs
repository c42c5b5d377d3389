namespace Triggers.Core.Analysis;

/// <summary>Three confidence scores that sum to 1.</summary>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);
