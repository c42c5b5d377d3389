namespace Triggers.Core.Coins;

/// <summary>An operation to apply once: its id is what makes a retry or a redelivery harmless.</summary>
public sealed record CoinOperation(string Id, string Kind, long Coins, long Xp, string? Reason, string By)
{
    /// <summary>What is wrong with the operation, or null when it can be applied.</summary>
    public string? Problem() =>
        Id.Length is 0 or > 200 || Id.Any(char.IsControl) ? "the operation id (idempotency key) must be 1-200 characters without control characters"
        : Reason is { Length: > 500 } ? "the reason must be at most 500 characters"
        : Kind switch
        {
            CoinKinds.Deposit or CoinKinds.Refund when Coins <= 0 || Xp != 0 => $"a {Kind} adds a positive number of coins",
            CoinKinds.Appreciation when Xp <= 0 || Coins != 0 => "an appreciation adds a positive amount of experience",
            CoinKinds.Withdrawal or CoinKinds.Expiry when Coins >= 0 || Xp != 0 => $"a {Kind} takes a positive number of coins",
            CoinKinds.Transfer when Coins == 0 && Xp == 0 => "a transfer moves some coins or experience",
            CoinKinds.Transfer when Coins * Xp < 0 => "a transfer moves coins and experience the same way",
            CoinKinds.Transfer => null,
            CoinKinds.Deposit or CoinKinds.Refund or CoinKinds.Appreciation or CoinKinds.Withdrawal or CoinKinds.Expiry => Math.Abs(Coins) > MaxAmount || Xp > MaxAmount ? $"amounts are at most {MaxAmount}" : null,
            _ => $"'{Kind}' is not a coin operation",
        };

    /// <summary>The largest single amount: far above any reward, far below overflow.</summary>
    public const long MaxAmount = 1_000_000_000;
}
