using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>The quadrant journey funnel: people who moved value → emotion → conversion → service. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminJourneys(JourneyAdmin journeys)
{
    [Function(nameof(AdminJourneys))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminJourneys)] HttpRequest request) =>
        journeys.FunnelAsync(request);
}
