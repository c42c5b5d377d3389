namespace Triggers.Core.Contacts;

/// <summary>
/// The touches each contact received per channel and local day, automated or by people: what frequency caps count.
/// One entry per touchpoint (or agent message) id, so recording twice counts once.
/// </summary>
public interface ISendLedger
{
    /// <summary>Records one touch on the tenant-local day; idempotent per id.</summary>
    Task RecordAsync(string tenant, string channel, string contact, DateOnly localDay, string id, bool automated, CancellationToken cancellationToken);

    /// <summary>Removes a recorded touch (a reserved send that was then blocked or failed for good).</summary>
    Task RemoveAsync(string tenant, string channel, string contact, DateOnly localDay, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The touches of one day and of the week around it, in one read: how many in all and how many automated, for each.
    /// <paramref name="day"/> lies within <paramref name="weekFrom"/>..<paramref name="weekTo"/>.
    /// </summary>
    Task<LedgerTally> TallyAsync(string tenant, string channel, string contact, DateOnly day, DateOnly weekFrom, DateOnly weekTo, CancellationToken cancellationToken);
}
