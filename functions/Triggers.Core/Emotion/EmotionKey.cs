namespace Triggers.Core.Emotion;

/// <summary>Whose emotion about what: the state's identity.</summary>
/// <param name="Contact">The contact's id on the platform (the signal's actor id).</param>
public sealed record EmotionKey(string Tenant, string Contact, string Topic);
