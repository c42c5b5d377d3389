namespace Triggers.Core.Coins;

/// <summary>How an operation on a wallet ended.</summary>
public static class CoinOutcomes
{
    public const string Applied = "applied";

    /// <summary>A withdrawal larger than the spendable coins: refused, nothing changed.</summary>
    public const string InsufficientBalance = "insufficient-balance";

    /// <summary>A redemption of a reward whose units are all claimed: refused, nothing changed.</summary>
    public const string OutOfStock = "out-of-stock";
}
