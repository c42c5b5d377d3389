using System.Text.Json.Nodes;
using Triggers.App.Channels;
using Triggers.App.Touchpoints;
using Triggers.Core.Contacts;

namespace Triggers.App.Admin;

/// <summary>
/// <c>POST /api/admin/consent</c>: opt a contact out of (or back into) automated touchpoints on a channel, as when they
/// ask a person to stop. <c>GET</c> shows what the guardrails know about the contact.
/// </summary>
public static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsent(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/consent", GetAsync)
            .WithSummary("A contact's consent and last contact times: ?channel={c}&contact={id}.");
        admin.MapPost("/consent", SetAsync)
            .WithSummary("Opt a contact out or back in: {\"channel\", \"contact\", \"optedOut\": true|false, \"by\": \"who\"}.");
        return admin;
    }

    private static async Task<IResult> GetAsync(string? channel, string? contact, ChannelRegistry channels, IContactStateStore store, CancellationToken ct)
    {
        if (channel is null || contact is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "channel and contact are required: ?channel={c}&contact={id}.");
        }

        if (channels.Find(channel) is not { } settings)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"channel '{channel}' is not configured.");
        }

        var state = await store.GetAsync(settings.Tenant, channel, contact, ct);
        return state is null ? AdminResults.Error(StatusCodes.Status404NotFound, $"nothing is known about contact '{contact}' on '{channel}'.") : Results.Ok(state with { Version = null });
    }

    private static async Task<IResult> SetAsync(JsonObject? body, ChannelRegistry channels, ContactTracking tracking, TimeProvider time, CancellationToken ct)
    {
        var channel = AdminResults.Text(body, "channel");
        var contact = AdminResults.Text(body, "contact");
        if (channel is null || contact is null || body?["optedOut"] is not JsonValue flag || !flag.TryGetValue(out bool optedOut))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest,
                "send {\"channel\": \"...\", \"contact\": \"...\", \"optedOut\": true|false, \"by\": \"who\"} as the JSON body.");
        }

        if (channels.Find(channel) is not { } settings)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"channel '{channel}' is not configured (configured: {string.Join(", ", channels.All.Select(c => c.Name))}).");
        }

        var by = AdminResults.Text(body, "by") ?? "admin";
        var written = await tracking.ChangeAsync(
            settings.Tenant, channel, contact, current => ConsentRules.AdminSet(current, settings.Tenant, channel, contact, optedOut, by, time.GetUtcNow()), ct);
        if (written is not null)
        {
            return Results.Ok(written with { Version = null });
        }

        return AdminResults.Error(StatusCodes.Status409Conflict, $"contact '{contact}' kept changing; try again.");
    }
}
