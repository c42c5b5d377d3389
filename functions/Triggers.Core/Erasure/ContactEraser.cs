using Triggers.Core.People;

namespace Triggers.Core.Erasure;

/// <summary>
/// Erases a person on request (PIPL, GDPR): every linked account's signals, state, emotion, touchpoints, hand-offs,
/// trust, links and wallets. The accounts are marked first, so a signal being redelivered meanwhile is dropped rather than
/// re-creating them; the record keeps that an erasure happened and the ledger totals accounting needs, never who.
/// Erasing again is harmless: it finds nothing more, and records that it ran.
/// </summary>
public sealed class ContactEraser(PersonLinker people, IContactDataEraser data, IErasureStore erasures, ErasedAccounts? erased, TimeProvider time)
{
    public async Task<ErasureRecord> EraseAsync(string tenant, AccountRef account, string by, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(tenant, account, cancellationToken);
        var accounts = person.Accounts.Select(a => a.Account).Append(account).Distinct().ToList();
        var at = time.GetUtcNow();
        foreach (var each in accounts)
        {
            await erasures.MarkAsync(tenant, ErasureMarks.Of(tenant, each), at, cancellationToken);
        }

        erased?.NoteErased(tenant);
        var wallets = accounts.Select(a => a.ToString()).Append(person.Id).Distinct(StringComparer.Ordinal).ToList();
        var rows = await data.EraseAsync(tenant, accounts, wallets, cancellationToken);
        var record = new ErasureRecord(Guid.NewGuid().ToString("N"), tenant, at, by, accounts.Count, rows.ByTable, rows.Ledger);
        await erasures.RecordAsync(record, cancellationToken);
        return record;
    }
}
