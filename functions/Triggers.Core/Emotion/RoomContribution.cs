namespace Triggers.Core.Emotion;

/// <summary>What one danmaku or comment adds to one topic's room aggregate (or to <see cref="RoomAggregate.All"/>).</summary>
/// <param name="Label">positive, neutral or negative: which count it adds to.</param>
/// <param name="Positive">The positive score, added to the positive sum.</param>
/// <param name="Negative">The negative score, added to the negative sum.</param>
public sealed record RoomContribution(string Topic, string Label, double Positive, double Negative);
