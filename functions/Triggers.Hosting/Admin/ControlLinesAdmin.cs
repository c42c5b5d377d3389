using Triggers.Azure.Stores;
using Triggers.Hosting.Channels;
using Triggers.Hosting.Portfolio;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>POST /api/admin/control-lines/compute?tenant=</c> computes the tenant's control lines now;
/// <c>GET /api/admin/control-lines?tenant=</c> returns the last computation, and with <c>&amp;history=n</c> the last n, oldest
/// first (docs/portfolio.md).
/// </summary>
public sealed class ControlLinesAdmin(ControlLineService lines, TableControlLineStore store, ChannelRegistry channels)
{
    public async Task<IResult> ComputeAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        return unknown ?? Results.Ok(await lines.ComputeAsync(tenant, request.HttpContext.RequestAborted));
    }

    public async Task<IResult> GetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        // ?history=n: the last n computations, oldest first, for the console's chart of the lines over time.
        if (AdminResults.Query(request, "history") is { } asked)
        {
            if (!int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1000)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, $"history '{asked}' must be how many computations to return, a whole number from 1 to 1000.");
            }

            var history = await store.HistoryJsonAsync(tenant, n, request.HttpContext.RequestAborted);
            return Results.Text("[" + string.Join(",", history.Reverse()) + "]", "application/json");
        }

        return await store.LatestJsonAsync(tenant, request.HttpContext.RequestAborted) is { } json
            ? Results.Text(json, "application/json")
            : AdminResults.Error(StatusCodes.Status404NotFound, $"no control lines were computed for tenant {tenant} yet: POST /api/admin/control-lines/compute?tenant={tenant}.");
    }
}
