using Triggers.Azure.Stores;
using Triggers.Core.People;
using Triggers.Core.Portfolio;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Portfolio;

/// <summary>
/// Computes a tenant's control lines now (docs/portfolio.md#the-three-control-lines): reads table Portfolio afresh (an
/// edited threshold counts at once), the window's signals and sent touches, maps every account to its person (one person
/// across platforms, for last-touch attribution), and keeps the result with its history in table ControlLines. A line
/// newly crossed raises one ops alert, as a hand-off naming what to do (<see cref="ControlLineAlerts"/>), and on the
/// tenant's AlertChannel (a WeCom group robot) as an alert touchpoint when one is set.
/// </summary>
public sealed partial class ControlLineService(
    TableControlLineFacts facts,
    TableControlLineStore store,
    ControlLineCache cache,
    PortfolioCache portfolio,
    PersonLinker people,
    Triggers.Core.Handoffs.IHandoffStore handoffs,
    Triggers.Core.Processing.ITouchpointStore touchpoints,
    ChannelRegistry channels,
    TimeProvider time,
    ILogger<ControlLineService> logger)
{
    /// <summary>Every tenant's lines (the hourly timer); a tenant that fails is logged and the others go on.</summary>
    public async Task ComputeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in channels.Tenants)
        {
            try
            {
                await ComputeAsync(tenant, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.Failed(logger, tenant, ex.Message);
            }
        }
    }

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
            touchFacts.Add(new TouchFact(t.Id, t.Platform, t.RuleId, t.Type, await PersonOf(t.Account), t.At, t.CouponValue));
        }

        // Redeemed coins cost something only when the tenant gives a coin a value.
        var redemptionFacts = new List<RedemptionFact>();
        if (roles.Settings.CoinValue > 0)
        {
            foreach (var r in await facts.RedemptionsAsync(tenant, since, cancellationToken))
            {
                // A wallet is a person's id: an account's own ({platform}:{id}) may since have joined a person.
                // A staff-linked person's wallet (linked:{account}) follows its account, which may since have joined a member.
                var text = r.Wallet.StartsWith("linked:", StringComparison.Ordinal) ? r.Wallet["linked:".Length..] : r.Wallet;
                var person = r.Wallet.StartsWith("member:", StringComparison.Ordinal) || !AccountRef.TryParse(text, out var account, out _)
                    ? r.Wallet
                    : await PersonOf(account);
                redemptionFacts.Add(new RedemptionFact(person, r.At, r.Coins));
            }
        }

        var result = ControlLineCalculator.Compute(tenant, now, roles, signalFacts, touchFacts, redemptionFacts);
        await store.SaveAsync(result, cancellationToken);
        cache.Note(result);

        // The alert first, then the remembered set: a crash between them raises the alert again under the same id (judged
        // against the same set), so it is stored once; never lost.
        var (before, version) = await store.CrossedAsync(tenant, cancellationToken);
        var (raise, crossed) = ControlLineAlerts.Judge(before, result);
        var robot = raise.Count > 0 ? AlertChannelOf(tenant, roles.Settings.AlertChannel) : null;
        foreach (var line in raise)
        {
            var alert = ControlLineAlerts.ToHandoff(line, result, roles, version);
            await handoffs.AddIfAbsentAsync(alert, cancellationToken);
            if (robot is not null)
            {
                await touchpoints.TryAddAsync(ControlLineAlerts.ToTouchpoint(alert, robot.Name, robot.Platform, now), cancellationToken);
            }

            Log.Crossed(logger, tenant, alert.Why);
        }

        await store.SaveCrossedAsync(tenant, crossed, cancellationToken);
        return result;
    }

    /// <summary>The tenant's channel named in AlertChannel; a name that is not one of its channels is logged, and the hand-off queue alone alerts.</summary>
    private Triggers.Platforms.ChannelSettings? AlertChannelOf(string tenant, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (channels.Find(name) is not { } channel || channel.Tenant != tenant)
        {
            Log.NoAlertChannel(logger, tenant, name);
            return null;
        }

        if (Triggers.Platforms.Outbound.TouchpointSenders.StaffAlertProblem(channel) is { } problem)
        {
            Log.AlertChannelUnfit(logger, tenant, name, problem);
            return null;
        }

        return channel;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3803, Level = LogLevel.Warning, Message = "AlertChannel '{Channel}' in table Portfolio (tenant {Tenant}, row thresholds) is not a channel of the tenant, so control-line alerts go to the hand-off queue only: set it to the name of a channel configured for this tenant (Channels:{{name}}), such as a WeCom channel with a RobotKey")]
        public static partial void NoAlertChannel(ILogger logger, string tenant, string channel);

        [LoggerMessage(EventId = 3804, Level = LogLevel.Warning, Message = "AlertChannel '{Channel}' in table Portfolio (tenant {Tenant}) cannot carry control-line alerts, so they go to the hand-off queue only: {Problem}")]
        public static partial void AlertChannelUnfit(ILogger logger, string tenant, string channel, string problem);

        [LoggerMessage(EventId = 3801, Level = LogLevel.Warning, Message = "Control line crossed for tenant {Tenant}: {Advice}")]
        public static partial void Crossed(ILogger logger, string tenant, string advice);

        [LoggerMessage(EventId = 3802, Level = LogLevel.Error, Message = "Computing the control lines of tenant {Tenant} failed: {Reason}")]
        public static partial void Failed(ILogger logger, string tenant, string reason);
    }
}
