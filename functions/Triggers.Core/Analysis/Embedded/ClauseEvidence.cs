namespace Triggers.Core.Analysis.Embedded;

/// <summary>The evidence of one scored span.</summary>
/// <param name="Z">Log-odds of positive over negative (0 when nothing was found).</param>
/// <param name="LeadingContrast">The span opens with a contrast word (但是…), so what came before it counts less.</param>
public readonly record struct ClauseEvidence(double Z, bool LeadingContrast);
