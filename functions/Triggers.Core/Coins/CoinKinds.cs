namespace Triggers.Core.Coins;

/// <summary>What an entry was: the knowledge-coin bank's deposits, appreciation and withdrawals.</summary>
public static class CoinKinds
{
    /// <summary>Coins earned (a rule's <c>coins</c> action, an admin deposit).</summary>
    public const string Deposit = "deposit";

    /// <summary>Experience earned (team-ups, invitations): raises <c>xp</c>, never spendable.</summary>
    public const string Appreciation = "appreciation";

    /// <summary>Coins spent (a reward redeemed).</summary>
    public const string Withdrawal = "withdrawal";

    /// <summary>Coins given back (a redemption that could not be honoured).</summary>
    public const string Refund = "refund";

    /// <summary>
    /// Coins and experience moved between wallets when accounts join a person: taken from the old wallet (negative) and
    /// added to the person's (positive), as two entries.
    /// </summary>
    public const string Transfer = "transfer";

    /// <summary>Coins older than Coins:Expiry that were never spent, taken out (spending uses the oldest coins first).</summary>
    public const string Expiry = "expiry";
}
