namespace Triggers.Core.Erasure;

/// <summary>Table <c>Erasures</c>: the record of each erasure, and a mark per erased account that stops old signals re-creating it.</summary>
public interface IErasureStore
{
    /// <summary>Marks the account (by <see cref="ErasureMarks.Of"/>) erased at <paramref name="at"/>; a later mark wins.</summary>
    Task MarkAsync(string tenant, string mark, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the marked account was erased, or null when it never was.</summary>
    Task<DateTimeOffset?> ErasedAtAsync(string tenant, string mark, CancellationToken cancellationToken);

    /// <summary>Whether the tenant has erased any account.</summary>
    Task<bool> AnyAsync(string tenant, CancellationToken cancellationToken);

    Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken);

    /// <summary>The tenant's erasure records, newest first.</summary>
    Task<IReadOnlyList<ErasureRecord>> ListAsync(string tenant, int limit, CancellationToken cancellationToken);
}

/// <summary>Deletes what the data tables hold about accounts (Signals, ContactStates, Touchpoints, …) and their wallets.</summary>
public interface IContactDataEraser
{
    Task<ErasedRows> EraseAsync(string tenant, IReadOnlyList<People.AccountRef> accounts, IReadOnlyList<string> wallets, CancellationToken cancellationToken);
}
