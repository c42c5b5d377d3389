using System.Globalization;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Rules;
using Triggers.Core.Processing;
using Triggers.Core.Touchpoints;

namespace Triggers.Hosting.Admin;

/// <summary>Listings and rule maintenance under <c>/api/admin</c>; both hosts route here (see <see cref="Http.Routes"/>).</summary>
public sealed class AdminApi(ChannelRegistry channels, IProcessedSignalStore signals, ITouchpointStore touchpoints, RuleCache rules, IRuleHistoryStore history, PersonLookup persons)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 1000;

    private static readonly string[] Statuses =
    [
        TouchpointStatus.Planned, TouchpointStatus.Sending, TouchpointStatus.Sent,
        TouchpointStatus.Failed, TouchpointStatus.Blocked, TouchpointStatus.Cancelled,
    ];

    public async Task<IResult> ListSignalsAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (channel, limit, ct) = (AdminResults.Query(request, "channel"), AdminResults.Query(request, "limit"), request.HttpContext.RequestAborted);
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (channel is not null && !channels.IsKnown(channel))
        {
            return AdminResults.Error(StatusCodes.Status404NotFound,
                $"Channel '{channel}' is not configured (configured: {AdminResults.Visible(request, channels.All)}).");
        }

        if (channel is not null && AdminResults.Scope(request, channels.Find(channel)!.Tenant) is { } refused)
        {
            return refused;
        }

        // Every channel's signals: those of the tenants the caller's key may see.
        var caller = Admin.Access.AdminCaller.Of(request.HttpContext);
        var names = channel is null ? channels.All.Where(c => caller.MaySee(c.Tenant)).Select(c => c.Name) : [channel];
        var found = new List<ProcessedSignal>();
        foreach (var name in names)
        {
            found.AddRange(await signals.ListAsync(name, take, ct));
        }

        var views = found
            .OrderByDescending(s => s.Signal.OccurredAt)
            .ThenBy(s => s.Signal.Id, StringComparer.Ordinal)
            .Take(take)
            .Select(SignalView.From);
        return Results.Ok(views);
    }

    public async Task<IResult> ListTouchpointsAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, status, limit) = (AdminResults.Query(request, "tenant"), AdminResults.Query(request, "status"), AdminResults.Query(request, "limit"));
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest,
                $"status '{status}' is not a touchpoint status: use one of {string.Join(", ", Statuses)}.");
        }

        if (AdminResults.Scope(request, tenant ?? ChannelRegistry.DefaultTenant) is { } refused)
        {
            return refused;
        }

        var found = await touchpoints.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, status, take, request.HttpContext.RequestAborted);
        var people = await persons.ForAsync(tenant ?? ChannelRegistry.DefaultTenant, found.Select(t => (t.Channel, t.Contact, t.Platform)), request.HttpContext.RequestAborted);
        return Results.Ok(found.Select(t => TouchpointView.From(t) with { Person = people.GetValueOrDefault((t.Channel, t.Contact)) }));
    }

    /// <summary><c>GET /api/admin/access</c>: the key's name and the tenants it may see (the console's tenant picker).</summary>
    public IResult GetAccess(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = Admin.Access.AdminCaller.Of(request.HttpContext);
        return Results.Ok(new { key = caller.Name, tenants = channels.Tenants.Where(caller.MaySee).Order(StringComparer.Ordinal) });
    }

    public IResult GetRuleProblems(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = Admin.Access.AdminCaller.Of(request.HttpContext);
        return Results.Ok((rules.Current?.Problems ?? []).Where(p => caller.MaySee(p.Tenant)));
    }

    public async Task<IResult> ReloadRulesAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await rules.RefreshAsync(request.HttpContext.RequestAborted);
        var caller = Admin.Access.AdminCaller.Of(request.HttpContext);
        return Results.Ok(new
        {
            rules = snapshot.Rules.Rules.Count(r => caller.MaySee(r.Tenant)),
            problems = snapshot.Problems.Where(p => caller.MaySee(p.Tenant)),
            loadedAt = snapshot.LoadedAt,
        });
    }

    public async Task<IResult> ListRuleHistoryAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, rule, limit) = (AdminResults.Query(request, "tenant"), AdminResults.Query(request, "rule"), AdminResults.Query(request, "limit"));
        if (!TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(rule))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "rule is required: ?tenant={t}&rule={rule id}.");
        }

        return AdminResults.Scope(request, tenant ?? ChannelRegistry.DefaultTenant)
            ?? Results.Ok(await history.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, rule, take, request.HttpContext.RequestAborted));
    }

    /// <summary>?limit=: 1 to 1000, default 50; otherwise a 400 saying so.</summary>
    internal static bool TryLimit(string? text, out int limit, out IResult problem)
    {
        problem = Results.Empty;
        limit = DefaultLimit;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
        {
            return true;
        }

        problem = AdminResults.Error(StatusCodes.Status400BadRequest, $"limit '{text}' must be a whole number from 1 to {MaxLimit}.");
        return false;
    }
}
