namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>The model file's bytes and what went into it.</summary>
public sealed record TrainingResult(byte[] Model, int TrainingTexts, int HeldOutTexts, int Features);
