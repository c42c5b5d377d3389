using System.Text.Json.Nodes;
using Triggers.Core.People;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>What the contact routes read alike: the account in the path, and the tenant, which must have a configured channel.</summary>
internal static class AdminContacts
{
    /// <summary>The account of a <c>{account}</c> route segment, or a 400 saying how to write it.</summary>
    public static (AccountRef Account, IResult? Problem) PathAccount(string? account)
    {
        // Routing decodes every escape in a path segment except %2F, which would otherwise split it: an actor id with a '/'.
        var text = (account ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return AccountRef.TryParse(text, out var parsed, out var error)
            ? (parsed, null)
            : (default, AdminResults.Error(StatusCodes.Status400BadRequest, error!));
    }

    /// <summary>
    /// The tenant from the body, else the query, else <c>default</c>; a tenant without a configured channel is a typo
    /// (nothing of it is ever read), so it is a 400 and nothing is written for it.
    /// </summary>
    public static (string Tenant, IResult? Problem) Tenant(ChannelRegistry channels, HttpRequest request, JsonObject? body)
    {
        var tenant = AdminResults.Text(body, "tenant") ?? AdminResults.Query(request, "tenant") ?? ChannelRegistry.DefaultTenant;
        if (AdminResults.Scope(request, tenant) is { } refused)
        {
            return (tenant, refused);
        }

        var caller = Access.AdminCaller.Of(request.HttpContext);
        return channels.Tenants.Contains(tenant, StringComparer.Ordinal)
            ? (tenant, null)
            : (tenant, AdminResults.Error(StatusCodes.Status400BadRequest, $"tenant '{tenant}' has no configured channel (tenants: {string.Join(", ", channels.Tenants.Where(caller.MaySee))})."));
    }
}
