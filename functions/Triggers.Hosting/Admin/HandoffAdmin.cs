using Triggers.Hosting.Channels;
using Triggers.Hosting.Touchpoints;
using Triggers.Core.Contacts;
using Triggers.Core.Handoffs;

namespace Triggers.Hosting.Admin;

/// <summary>
/// The hand-off queue for people: list (most urgent first), claim (counts as human precedence: pending automation for
/// the contact gives way), close with an outcome.
/// </summary>
public sealed partial class HandoffAdmin(IHandoffStore store, ContactObserver contacts, GuardrailPolicies guardrails, PersonLookup persons, TimeProvider time, ILogger<HandoffAdmin> logger)
{
    public async Task<IResult> ListAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, status, limit, ct) = (AdminResults.Query(request, "tenant"), AdminResults.Query(request, "status"), AdminResults.Query(request, "limit"), request.HttpContext.RequestAborted);
        if (!AdminApi.TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (AdminResults.Scope(request, tenant ?? ChannelRegistry.DefaultTenant) is { } refused)
        {
            return refused;
        }

        if (status is not null && !HandoffStatus.All.Contains(status))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"status '{status}' is not a hand-off status: use open, claimed or closed.");
        }

        var found = await store.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, status, take, ct);
        var people = await persons.ForAsync(tenant ?? ChannelRegistry.DefaultTenant, found.Select(h => (h.Channel, h.Contact, (string?)null)), ct);
        return Results.Ok(found.Select(h => HandoffView.From(h) with { Person = people.GetValueOrDefault((h.Channel, h.Contact)) }));
    }

    public async Task<IResult> ClaimAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var (tenant, ct) = (AdminResults.Query(request, "tenant"), request.HttpContext.RequestAborted);
        if (AdminResults.Scope(request, tenant ?? ChannelRegistry.DefaultTenant) is { } outOfScope)
        {
            return outOfScope;
        }
        var agent = AdminResults.Text(body, "agent");
        if (agent is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "send {\"agent\": \"who is taking it\"} as the JSON body.");
        }

        var current = await store.GetAsync(tenant ?? ChannelRegistry.DefaultTenant, id, ct);
        if (current is null)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"no hand-off '{id}' in tenant '{tenant ?? ChannelRegistry.DefaultTenant}'.");
        }

        if (current.Status != HandoffStatus.Open)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, $"hand-off '{id}' is {current.Status}" + (current.ClaimedBy is null ? "." : $" by {current.ClaimedBy}."));
        }

        var now = time.GetUtcNow();
        var (claimer, badAgent) = AdminResults.Author(request, agent);
        if (badAgent is not null)
        {
            return badAgent;
        }

        var claimed = await store.TryReplaceAsync(current with { Status = HandoffStatus.Claimed, ClaimedBy = claimer, ClaimedAt = now }, ct);
        if (claimed is null)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, $"hand-off '{id}' was changed by someone else just now; list it again.");
        }

        // The person has the conversation now: automated follow-ups for the contact give way.
        var gaveWay = await contacts.GiveWayAsync(claimed.Tenant, claimed.Channel, claimed.Contact, now, guardrails.For(claimed.Tenant), ct);
        foreach (var touchpoint in gaveWay)
        {
            Log.GaveWay(logger, touchpoint.Id, claimed.Contact, agent, touchpoint.Status);
        }

        return Results.Ok(new { handoff = HandoffView.From(claimed), automatedTouchpointsGaveWay = gaveWay.Count });
    }

    public async Task<IResult> CloseAsync(HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var (tenant, ct) = (AdminResults.Query(request, "tenant"), request.HttpContext.RequestAborted);
        if (AdminResults.Scope(request, tenant ?? ChannelRegistry.DefaultTenant) is { } outOfScope)
        {
            return outOfScope;
        }
        var current = await store.GetAsync(tenant ?? ChannelRegistry.DefaultTenant, id, ct);
        if (current is null)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"no hand-off '{id}' in tenant '{tenant ?? ChannelRegistry.DefaultTenant}'.");
        }

        if (current.Status == HandoffStatus.Closed)
        {
            return Results.Ok(HandoffView.From(current));
        }

        var (closer, badCloser) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badCloser is not null)
        {
            return badCloser;
        }

        var closed = await store.TryReplaceAsync(current with { Status = HandoffStatus.Closed, ClosedAt = time.GetUtcNow(), ClosedBy = closer, Outcome = AdminResults.Text(body, "outcome") }, ct);
        return closed is null
            ? AdminResults.Error(StatusCodes.Status409Conflict, $"hand-off '{id}' was changed by someone else just now; try again.")
            : Results.Ok(HandoffView.From(closed));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Touchpoint {TouchpointId} for {Contact} gave way to {Agent}, who claimed the hand-off: now {Status}")]
        public static partial void GaveWay(ILogger logger, string touchpointId, string contact, string agent, string status);
    }
}
