namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>One corpus line: its text and whether it is positive.</summary>
public readonly record struct LabelledText(bool Positive, string Text);
