using System.Text.Json.Nodes;
using Triggers.App.Channels;
using Triggers.App.Touchpoints;
using Triggers.Core.Handoffs;

namespace Triggers.App.Admin;

/// <summary>
/// The hand-off queue for people: list (most urgent first), claim (counts as human precedence: pending automation for
/// the contact gives way), close with an outcome.
/// </summary>
public static class HandoffEndpoints
{
    public static RouteGroupBuilder MapHandoffs(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/handoffs", ListAsync)
            .WithSummary("Hand-offs of a tenant, most urgent first: ?tenant={t}&status=open|claimed|closed&limit={n}.");
        admin.MapPost("/handoffs/{id}/claim", ClaimAsync)
            .WithSummary("A person takes the hand-off: {\"agent\": \"name\"}; ?tenant={t}. 409 when someone else has it.");
        admin.MapPost("/handoffs/{id}/close", CloseAsync)
            .WithSummary("Close the hand-off: {\"outcome\": \"what happened\"}; ?tenant={t}.");
        return admin;
    }

    private static async Task<IResult> ListAsync(string? tenant, string? status, string? limit, IHandoffStore store, CancellationToken ct)
    {
        if (!AdminEndpoints.TryLimit(limit, out var take, out var problem))
        {
            return problem;
        }

        if (status is not null && !HandoffStatus.All.Contains(status))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, $"status '{status}' is not a hand-off status: use open, claimed or closed.");
        }

        var found = await store.ListAsync(tenant ?? ChannelRegistry.DefaultTenant, status, take, ct);
        return Results.Ok(found.Select(HandoffView.From));
    }

    private static async Task<IResult> ClaimAsync(
        string id, string? tenant, JsonObject? body, IHandoffStore store, ContactTracking contacts, GuardrailPolicies guardrails, TimeProvider time, CancellationToken ct)
    {
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
        var claimed = await store.TryReplaceAsync(current with { Status = HandoffStatus.Claimed, ClaimedBy = agent, ClaimedAt = now }, ct);
        if (claimed is null)
        {
            return AdminResults.Error(StatusCodes.Status409Conflict, $"hand-off '{id}' was changed by someone else just now; list it again.");
        }

        // The person has the conversation now: automated follow-ups for the contact give way.
        var gaveWay = await contacts.GiveWayAsync(claimed.Tenant, claimed.Channel, claimed.Contact, now, guardrails.For(claimed.Tenant), ct);
        return Results.Ok(new { handoff = HandoffView.From(claimed), automatedTouchpointsGaveWay = gaveWay });
    }

    private static async Task<IResult> CloseAsync(string id, string? tenant, JsonObject? body, IHandoffStore store, TimeProvider time, CancellationToken ct)
    {
        var current = await store.GetAsync(tenant ?? ChannelRegistry.DefaultTenant, id, ct);
        if (current is null)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"no hand-off '{id}' in tenant '{tenant ?? ChannelRegistry.DefaultTenant}'.");
        }

        if (current.Status == HandoffStatus.Closed)
        {
            return Results.Ok(HandoffView.From(current));
        }

        var closed = await store.TryReplaceAsync(current with { Status = HandoffStatus.Closed, ClosedAt = time.GetUtcNow(), Outcome = AdminResults.Text(body, "outcome") }, ct);
        return closed is null
            ? AdminResults.Error(StatusCodes.Status409Conflict, $"hand-off '{id}' was changed by someone else just now; try again.")
            : Results.Ok(HandoffView.From(closed));
    }
}
