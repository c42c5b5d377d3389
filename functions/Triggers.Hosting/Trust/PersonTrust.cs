using Triggers.Core.People;
using Triggers.Core.Trust;

namespace Triggers.Hosting.Trust;

/// <summary>A person's trust for the admin API and the dispatcher: read across the person's accounts, added to once per entry id.</summary>
public sealed class PersonTrust(ScoringCache scoring, ITrustStore store, PersonLinker people, TimeProvider time)
{
    private readonly TrustLedger _ledger = new(store, time);

    /// <summary>The person's trust now, or null when the tenant has no rows in table Scoring.</summary>
    public async Task<TrustView?> ViewAsync(string tenant, AccountRef account, CancellationToken cancellationToken)
    {
        if (await scoring.ForAsync(tenant, cancellationToken) is not { } settings)
        {
            return null;
        }

        var person = await people.FindAsync(tenant, account, cancellationToken);
        return await TrustReader.ViewAsync(store, tenant, person.Accounts.Select(a => a.Account.ToString()), settings.Settings, time.GetUtcNow(), cancellationToken);
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
