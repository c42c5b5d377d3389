using Triggers.Hosting.Channels;
using Triggers.Core.Contacts;
using Triggers.Core.Processing;
using Triggers.Core.Rules;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Rules;

/// <summary>Cancels the planned touchpoints of rules disabled or deleted in table Rules (see <see cref="RuleRetirement"/>).</summary>
public sealed partial class RetiredRules(ITouchpointStore touchpoints, ContactObserver contacts, ChannelRegistry channels, ILogger<RetiredRules> logger)
{
    // Planned touchpoints of one tenant are read whole: a partition scan on status, as the dispatcher's.
    private const int MaxPlannedPerTenant = 100_000;

    private IReadOnlySet<(string Tenant, string RuleId)>? _standing;

    /// <summary>After a load of table Rules: if a rule stopped standing since the last look, cancels its planned touchpoints.</summary>
    public async Task<int> ApplyAsync(RuleSourceSnapshot loaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var standing = RuleRetirement.Standing(loaded);
        if (!RuleRetirement.AnyGone(_standing, standing))
        {
            _standing = standing;
            return 0;
        }

        var cancelled = 0;
        var unsettled = false;
        foreach (var tenant in channels.Tenants)
        {
            var inTenant = new List<Touchpoint>();
            foreach (var listed in await touchpoints.ListAsync(tenant, TouchpointStatus.Planned, MaxPlannedPerTenant, cancellationToken))
            {
                // A touchpoint that changed meanwhile is read again: claimed or sent, it is not ours to cancel; still planned
                // (its events were published, say), it is cancelled on the fresh copy.
                var touchpoint = listed;
                for (var attempt = 0; touchpoint is { Status: TouchpointStatus.Planned } && RuleRetirement.ReasonToCancel(touchpoint, loaded) is { } reason; attempt++)
                {
                    if (await touchpoints.TryReplaceAsync(RuleRetirement.Cancel(touchpoint, reason), cancellationToken) is { } written)
                    {
                        inTenant.Add(written);
                        Log.Cancelled(logger, touchpoint.Id, touchpoint.RuleId, tenant, reason);
                        break;
                    }

                    if (attempt == 4)
                    {
                        unsettled = true; // looked at again at the next load
                        break;
                    }

                    touchpoint = await touchpoints.GetAsync(tenant, touchpoint.Id, cancellationToken);
                }
            }

            // The caps stop counting them for their contacts.
            foreach (var contact in inTenant.GroupBy(t => (t.Channel, t.Contact)))
            {
                await contacts.UpdatePlannedAsync(tenant, contact.Key.Channel, contact.Key.Contact, [.. contact], cancellationToken);
            }

            cancelled += inTenant.Count;
        }

        // Only after every tenant was looked at and every cancel went through: otherwise the next load looks again.
        if (!unsettled)
        {
            _standing = standing;
        }

        return cancelled;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} of rule {RuleId} (tenant {Tenant}) cancelled: {Reason}")]
        public static partial void Cancelled(ILogger logger, string touchpointId, string ruleId, string tenant, string reason);
    }
}
