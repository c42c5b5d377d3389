namespace Triggers.Core.Coins;

/// <summary>An operation id (idempotency key) used again for a different operation: refused, nothing changed.</summary>
public sealed class CoinConflictException(string message) : Exception(message);
