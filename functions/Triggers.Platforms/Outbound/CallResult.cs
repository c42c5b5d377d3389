namespace Triggers.Platforms.Outbound;

/// <summary>One token-authenticated call: its result, and whether the platform said the token itself was bad.</summary>
internal readonly record struct CallResult(SendResult Result, bool TokenRejected = false);
