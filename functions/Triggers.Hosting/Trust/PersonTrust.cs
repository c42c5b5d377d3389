using Triggers.Core.People;
using Triggers.Core.Trust;

namespace Triggers.Hosting.Trust;

/// <summary>A person's trust for the admin API and the dispatcher: read across the person's accounts, added to once per entry id.</summary>
public sealed class PersonTrust(ScoringCache scoring, ITrustStore store, PersonLinker people, TimeProvider time)
{
    private readonly TrustLedger _ledger = new(store, time);

    /// <summary>The person's trust now, or null when the tenant has no rows in table Scoring.</summary>
    public async Task<TrustView?> ViewAsync(string tenant, AccountRef account, CancellationToken cancellationToken) =>
        await scoring.ForAsync(tenant, cancellationToken) is null ? null : await ViewAsync(await people.FindAsync(tenant, account, cancellationToken), cancellationToken);

    /// <summary>The trust of a person the caller has read already, or null when its tenant has no rows in table Scoring.</summary>
    public async Task<TrustView?> ViewAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return await scoring.ForAsync(person.Tenant, cancellationToken) is { } settings
            ? await TrustReader.ViewAsync(store, person.Tenant, person.Accounts.Select(a => a.Account.ToString()), settings.Settings, time.GetUtcNow(), cancellationToken)
            : null;
    }

    /// <summary>
    /// Adds community points to the account once per <paramref name="entryId"/> (the rule action <c>contribute</c>), kept
    /// even while the tenant scores no one, so they count once it does; returns the person's trust after, or null.
    /// </summary>
    public async Task<TrustView?> ContributeAsync(string tenant, AccountRef account, string entryId, double points, string reason, CancellationToken cancellationToken)
    {
        var settings = await scoring.ForAsync(tenant, cancellationToken);
        await _ledger.ApplyAsync(tenant, account.ToString(), entryId, new Dictionary<string, double> { [TrustComponents.Community] = points }, reason, (settings?.Settings ?? TrustSettings.Default).HalfLife, cancellationToken);
        return await ViewAsync(tenant, account, cancellationToken);
    }
}
