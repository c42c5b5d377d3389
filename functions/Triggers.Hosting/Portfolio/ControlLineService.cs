using Triggers.Azure.Stores;
using Triggers.Core.People;
using Triggers.Core.Portfolio;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Portfolio;

/// <summary>
/// Computes a tenant's control lines now (docs/portfolio.md#the-three-control-lines): reads table Portfolio afresh (an
/// edited threshold counts at once), the window's signals and sent touches, maps every account to its person (one person
/// across platforms, for last-touch attribution), and keeps the result with its history in table ControlLines.
/// </summary>
public sealed class ControlLineService(
    TableControlLineFacts facts, TableControlLineStore store, ControlLineCache cache, PortfolioCache portfolio, PersonLinker people, ChannelRegistry channels, TimeProvider time)
{
    public async Task<ControlLineResult> ComputeAsync(string tenant, CancellationToken cancellationToken)
    {
        var roles = (await portfolio.RefreshAsync(cancellationToken)).Portfolio.For(tenant);
        var now = time.GetUtcNow();
        var since = now - roles.Settings.Window;
        var signals = await facts.SignalsAsync(channels.All.Where(c => c.Tenant == tenant).Select(c => c.Name), since, cancellationToken);
        var touches = await facts.TouchesAsync(tenant, channel => channels.Find(channel)?.Platform, since - roles.Settings.AttributionWindow, cancellationToken);

        var persons = new Dictionary<AccountRef, string>();
        async Task<string> PersonOf(AccountRef account)
        {
            if (!persons.TryGetValue(account, out var id))
            {
                id = persons[account] = (await people.FindAsync(tenant, account, cancellationToken)).Id;
            }

            return id;
        }

        var signalFacts = new List<SignalFact>(signals.Count);
        foreach (var s in signals)
        {
            signalFacts.Add(new SignalFact(s.Platform, await PersonOf(s.Account), s.Kind, s.At, s.Revenue));
        }

        var touchFacts = new List<TouchFact>(touches.Count);
        foreach (var t in touches)
        {
            touchFacts.Add(new TouchFact(t.Id, t.Platform, t.RuleId, await PersonOf(t.Account), t.At, t.CouponValue));
        }

        var result = ControlLineCalculator.Compute(tenant, now, roles, signalFacts, touchFacts);
        await store.SaveAsync(result, cancellationToken);
        cache.Note(result);
        return result;
    }
}
