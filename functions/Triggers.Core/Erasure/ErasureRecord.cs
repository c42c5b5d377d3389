namespace Triggers.Core.Erasure;

/// <summary>The coins of the erased wallets, as accounting needs them, with nothing that names the person.</summary>
public sealed record LedgerTotals(long Deposited, long Withdrawn, long Forfeited, long Xp)
{
    public static LedgerTotals None { get; } = new(0, 0, 0, 0);

    public LedgerTotals Plus(LedgerTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Deposited + other.Deposited, Withdrawn + other.Withdrawn, Forfeited + other.Forfeited, Xp + other.Xp);
    }
}

/// <summary>What the data stores deleted for an erasure: rows per table, and the totals of the wallets deleted.</summary>
public sealed record ErasedRows(IReadOnlyDictionary<string, int> ByTable, LedgerTotals Ledger);

/// <summary>
/// That an erasure happened, kept in table Erasures: when, who asked, how many accounts and rows, and the anonymised
/// ledger totals; never which person or accounts.
/// </summary>
public sealed record ErasureRecord(string Id, string Tenant, DateTimeOffset At, string By, int Accounts, IReadOnlyDictionary<string, int> Rows, LedgerTotals Ledger);
