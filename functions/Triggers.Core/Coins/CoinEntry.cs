namespace Triggers.Core.Coins;

/// <summary>
/// One operation on a wallet, kept forever under its operation id: what it asked, whether it applied, and the balances
/// it left. Asking again with the same id gets this entry back and changes nothing.
/// </summary>
public sealed record CoinEntry
{
    /// <summary>The operation id: a touchpoint id, an idempotency key, a signal id.</summary>
    public required string Id { get; init; }

    public required string Kind { get; init; }

    /// <summary>Change to the spendable coins: positive for a deposit, negative for a withdrawal.</summary>
    public required long Coins { get; init; }

    /// <summary>Change to experience (appreciation), never spendable.</summary>
    public required long Xp { get; init; }

    public string? Reason { get; init; }

    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary><see cref="CoinOutcomes.Applied"/>, or why it was refused (nothing changed then).</summary>
    public required string Outcome { get; init; }

    /// <summary>The wallet's coins and experience right after this entry (unchanged when refused).</summary>
    public required long CoinsAfter { get; init; }

    public required long XpAfter { get; init; }

    public bool Applied => Outcome == CoinOutcomes.Applied;
}
