namespace Triggers.Core.Signals;

/// <summary>Who the signal is from, in the platform's own identity (an OpenID, an external user id…).</summary>
public sealed record SignalActor(string Id, string? Name = null);
