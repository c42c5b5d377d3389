namespace Triggers.Core.Coins;

/// <summary>
/// How a redemption ended: <see cref="CoinOutcomes.Applied"/>, <see cref="CoinOutcomes.InsufficientBalance"/> or
/// <see cref="CoinOutcomes.OutOfStock"/> (each recorded in the wallet's statement, so a retry gets it again), or
/// <see cref="Unavailable"/> / <see cref="UnknownReward"/> (nothing recorded).
/// </summary>
public sealed record Redemption(string Outcome, string Reward, string Wallet, CoinEntry? Entry, string Detail)
{
    /// <summary>The reward is disabled or outside its validity.</summary>
    public const string Unavailable = "reward-unavailable";

    /// <summary>Table Rewards has no such reward for the tenant.</summary>
    public const string UnknownReward = "unknown-reward";

    public bool Applied => Outcome == CoinOutcomes.Applied;
}
