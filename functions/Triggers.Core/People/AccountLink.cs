namespace Triggers.Core.People;

/// <summary>Which person an account belongs to, as stored; <see cref="Version"/> is the store's concurrency token.</summary>
public sealed record AccountLink(AccountRef Account, string Person, string? Version);
