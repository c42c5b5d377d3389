namespace Triggers.Core.Rules;

/// <summary>When a rule last fired for one contact, and which signal made it fire.</summary>
public sealed record CooldownEntry(DateTimeOffset LastFiredAt, string SignalId);

/// <summary>A stored <see cref="CooldownEntry"/> with the version (ETag) needed to replace it safely.</summary>
public sealed record CooldownRecord(CooldownEntry Entry, string Version);
