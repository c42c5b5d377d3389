namespace Triggers.Core.Coins;

/// <summary>
/// What an idempotency key was first used for, kept per tenant: the wallet and the operation (for a redemption, the
/// reward and the price it had then). A retry goes to the same wallet even if the account was linked to a person
/// meanwhile, and a key reused for anything else is refused.
/// </summary>
/// <param name="Erased">The wallet was erased on request: the key cannot be answered again, nor used anew.</param>
public sealed record CoinKeyClaim(string Key, string Wallet, string Kind, long Coins, long Xp, string? Reward = null, bool Erased = false);
