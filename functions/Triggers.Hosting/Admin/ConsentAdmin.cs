using System.Text.Json.Nodes;
using Triggers.Hosting.Channels;
using Triggers.Core.Contacts;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>POST /api/admin/consent</c>: opt a contact out of (or back into) automated touchpoints on a channel, as when they
/// ask a person to stop. <c>GET</c> shows what the guardrails know about the contact.
/// </summary>
public sealed partial class ConsentAdmin(ChannelRegistry channels, IContactStateStore store, ContactObserver tracking, TimeProvider time, ILogger<ConsentAdmin> logger)
{
    public async Task<IResult> GetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (channel, contact, ct) = (AdminResults.Query(request, "channel"), AdminResults.Query(request, "contact"), request.HttpContext.RequestAborted);
        if (channel is null || contact is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "channel and contact are required: ?channel={c}&contact={id}.");
        }

        if (channels.Find(channel) is not { } settings)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"channel '{channel}' is not configured.");
        }

        if (AdminResults.Scope(request, settings.Tenant) is { } refused)
        {
            return refused;
        }

        var state = await store.GetAsync(settings.Tenant, channel, contact, ct);
        return state is null ? AdminResults.Error(StatusCodes.Status404NotFound, $"nothing is known about contact '{contact}' on '{channel}'.") : Results.Ok(state with { Version = null });
    }

    public async Task<IResult> SetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await AdminResults.ReadJsonAsync(request);
        if (invalid is not null)
        {
            return invalid;
        }

        var ct = request.HttpContext.RequestAborted;
        var channel = AdminResults.Text(body, "channel");
        var contact = AdminResults.Text(body, "contact");
        if (channel is null || contact is null || body?["optedOut"] is not JsonValue flag || !flag.TryGetValue(out bool optedOut))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest,
                "send {\"channel\": \"...\", \"contact\": \"...\", \"optedOut\": true|false, \"by\": \"who\"} as the JSON body.");
        }

        if (channels.Find(channel) is not { } settings)
        {
            return AdminResults.Error(StatusCodes.Status404NotFound, $"channel '{channel}' is not configured (configured: {AdminResults.Visible(request, channels.All)}).");
        }

        if (AdminResults.Scope(request, settings.Tenant) is { } outOfScope)
        {
            return outOfScope;
        }

        var (by, badBy) = AdminResults.Author(request, AdminResults.Text(body, "by"));
        if (badBy is not null)
        {
            return badBy;
        }

        var written = await tracking.ChangeAsync(
            settings.Tenant, channel, contact, current => ConsentRules.AdminSet(current, settings.Tenant, channel, contact, optedOut, by, time.GetUtcNow()), ct);
        if (written is { State: var state, ConsentChanged: var changed })
        {
            if (changed)
            {
                Log.ConsentSet(logger, contact, channel, state.OptedOut ? "opted out" : "opted in", by);
            }

            return Results.Ok(state with { Version = null });
        }

        return AdminResults.Error(StatusCodes.Status409Conflict, $"contact '{contact}' kept changing; try again.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Contact {Contact} on {Channel} {Change} by an admin ({By})")]
        public static partial void ConsentSet(ILogger logger, string contact, string channel, string change, string by);
    }
}
