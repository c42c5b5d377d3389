namespace Triggers.Hosting.Coins;

/// <summary>The knowledge-coin bank's settings (section <c>Coins</c>).</summary>
public sealed class CoinOptions
{
    public const string SectionName = "Coins";

    /// <summary>Coins deposited longer ago than this and never spent expire; unset: coins never expire.</summary>
    public TimeSpan? Expiry { get; set; }
}
