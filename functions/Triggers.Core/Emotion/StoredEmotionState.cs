namespace Triggers.Core.Emotion;

/// <summary>A state as stored, with the version to pass back for an optimistic-concurrency save.</summary>
/// <param name="ETag">Opaque version of the stored state.</param>
public sealed record StoredEmotionState(EmotionState State, string ETag);
