using System.Globalization;
using Triggers.Core.Portfolio;
using Triggers.Hosting.Channels;

namespace Triggers.Hosting.Admin;

/// <summary>
/// <c>GET /api/admin/journeys?tenant=&amp;days=30</c>: how many people moved value → emotion → conversion → service within the
/// window, each step counting those who reached at least it, in order (docs/portfolio.md).
/// </summary>
public sealed class JourneyAdmin(IJourneyStore journeys, ChannelRegistry channels, TimeProvider time)
{
    public async Task<IResult> FunnelAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, unknown) = AdminContacts.Tenant(channels, request, null);
        if (unknown is not null)
        {
            return unknown;
        }

        var days = int.TryParse(AdminResults.Query(request, "days"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 366) : 30;
        var since = time.GetUtcNow().AddDays(-days);
        var reached = new int[Quadrants.All.Count + 1];
        var people = 0;
        await foreach (var journey in journeys.ListAsync(tenant, request.HttpContext.RequestAborted))
        {
            people++;
            reached[journey.FunnelDepth(since)]++;
        }

        // Reached at least step i: everyone whose depth is i or more.
        var funnel = Quadrants.All.Select((q, i) => (q, reached.Skip(i + 1).Sum())).ToDictionary(x => x.q, x => x.Item2, StringComparer.Ordinal);
        return Results.Ok(new { tenant, since, people, funnel });
    }
}
