using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>Processed signals, newest first. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminSignals(AdminApi admin)
{
    [Function(nameof(AdminSignals))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.AdminSignals)] HttpRequest request) =>
        admin.ListSignalsAsync(request);
}
