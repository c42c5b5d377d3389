using Triggers.Hosting.Admin;
using Triggers.Hosting.Http;

namespace Triggers.Functions.Admin;

/// <summary>What rules would have done with recorded signals; writes nothing. The Functions host checks the function key (x-functions-key).</summary>
public sealed class AdminRulesSimulate(SimulationAdmin simulation)
{
    [Function(nameof(AdminRulesSimulate))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.AdminRulesSimulate)] HttpRequest request) =>
        simulation.SimulateAsync(request);
}
